using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Storage.Reading;

namespace Dashboard.Web.Hosting;

/// <summary>
/// The last line of defence: a refused query is the caller's mistake (400 with its sentence), anything else is
/// logged and answered with a plain 500 line; no stack trace ever reaches a client.
/// </summary>
public sealed partial class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a closed tab's event stream): nothing to answer.
        }
        catch (StoreUnreadableException ex) when (!context.Response.HasStarted)
        {
            // The store is damaged or was replaced under the page: not a crash of ours, and the next call reads it afresh.
            LogStoreUnreadable(logger, context.Request.Path, ex.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new Api.ApiError(ex.Message));
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var bad = ex is StorageQueryException or BadHttpRequestException;
            if (!bad)
            {
                LogFailed(logger, context.Request.Path, ex);
            }
            context.Response.Clear();
            context.Response.StatusCode = ex is BadHttpRequestException badRequest ? badRequest.StatusCode : bad ? 400 : 500;
            await context.Response.WriteAsJsonAsync(new Api.ApiError(bad ? ex.Message : "The dashboard failed to answer; see its log."));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Path}: {Reason}")]
    private static partial void LogStoreUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
