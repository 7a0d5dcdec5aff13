using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace Dashboard.Web.Pages;

/// <summary>
/// The page's addresses. One HTML shell serves them all; its script reads the path and the query (the page state
/// lives in the URL, so a link, such as the alert e-mail's <c>/server?host=..&amp;proxy=..&amp;server=..&amp;at=..</c>, opens that view).
/// </summary>
public static class PageEndpoints
{
    public static readonly string[] Paths = ["/", "/frontend", "/backend", "/server", "/node", "/events"];

    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder endpoints, IFileProvider webRoot)
    {
        foreach (var path in Paths)
        {
            endpoints.MapMethods(path, Api.ApiEndpoints.GetAndHead, (HttpContext context) => Shell(context, webRoot)).ExcludeFromDescription();
        }
        return endpoints;
    }

    private static IResult Shell(HttpContext context, IFileProvider webRoot)
    {
        var file = webRoot.GetFileInfo("index.html");
        if (!file.Exists || file.PhysicalPath is null)
        {
            return TypedResults.Problem("The page's files (wwwroot) are missing from this build.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(file.PhysicalPath, "text/html; charset=utf-8");
    }
}
