// The type a dashboard JSON file must satisfy: @grafana/schema's Dashboard (13.2.3, classic/v1 model), with two
// adjustments, each because the package cannot describe a JSON file as it is:
//  1. JSON cannot name an enum member. @grafana/schema types fields such as a value mapping's `type`
//     (MappingType.RegexToText) or a colour `mode` (FieldColorModeId.PaletteClassic) as TypeScript string enums,
//     and a string literal ("regex") is never assignable to a string enum. Json<T> accepts exactly the enum's
//     values as literals ("value" | "range" | "regex" | "special"), so a misspelt value still fails.
//  2. Query shapes belong to each data source plugin, not to @grafana/schema: panel targets are
//     Record<string, unknown> there, and an annotation's target is the bare DataQuery (refId, hide, ...), which
//     rejects the InfluxQL fields Grafana stores (query, rawQuery, textColumn, ...). InfluxQlQuery below lists the
//     fields of Grafana's InfluxDB InfluxQuery (public/app/plugins/datasource/influxdb/types.ts) that raw
//     InfluxQL queries use; panels' targets and annotation targets are checked against it.
// Like Dashboard itself, this catches misspelt or mistyped properties, not missing optional ones.
import type { AnnotationQuery, Dashboard, DataQuery, Panel, RowPanel } from '@grafana/schema';

type Json<T> = T extends string
  ? `${T}`
  : T extends number | boolean | null | undefined
    ? T
    : T extends readonly (infer Element)[]
      ? Json<Element>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

export interface InfluxQlQuery extends DataQuery {
  query?: string;
  rawQuery?: boolean;
  resultFormat?: 'time_series' | 'table' | 'logs';
  alias?: string;
  // annotation queries only
  fromAnnotations?: boolean;
  textColumn?: string;
  tagsColumn?: string;
  titleColumn?: string;
  timeEndColumn?: string;
}

type InfluxPanel = Omit<Panel, 'targets'> & { targets?: InfluxQlQuery[] };
type InfluxRowPanel = Omit<RowPanel, 'panels'> & { panels: InfluxPanel[] };

export type DashboardJson = Json<
  Omit<Dashboard, 'panels' | 'annotations'> & {
    panels?: Array<InfluxPanel | InfluxRowPanel>;
    annotations?: { list?: Array<AnnotationQuery<InfluxQlQuery>> };
  }
>;
