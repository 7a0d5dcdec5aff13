using Alerter.Policy;
using Alerter.Sending;
using Alerter.Sending.Outbox;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Alerter.Sending.Sms;

/// <summary>
/// Posts SMS rows to an HTTP gateway: 2xx = sent; 5xx, 408, 429, timeouts and connection failures = retry;
/// other 4xx = permanent for this message.
/// </summary>
public sealed class HttpSmsSender(IOptions<HttpSmsOptions> options, HttpClient? httpClient = null) : IAlertSender, IDisposable
{
    private readonly HttpClient _http = httpClient ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    public string Transport => "http-sms";

    public bool Handles(AlertChannel channel) => channel == AlertChannel.SmsHttp;

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var sms = options.Value;
        if (!sms.Enabled)
        {
            return new SendResult(SendOutcome.Transient, DeliveryProblem.NotConfigured, "Alerter:Sms:Url is not set");
        }
        using var request = Build(sms, message.Recipient, message.Body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(sms.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return SendResult.Sent;
            }
            if (code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                return new SendResult(SendOutcome.Transient, DeliveryProblem.GatewayUnavailable, $"gateway answered {code}");
            }
            return new SendResult(SendOutcome.Permanent, DeliveryProblem.GatewayRejected, $"gateway refused the message ({code})");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return new SendResult(SendOutcome.Transient, DeliveryProblem.Timeout, "no answer within the timeout");
        }
        catch (HttpRequestException ex)
        {
            return ex.InnerException is SocketException socket
                ? new SendResult(SendOutcome.Transient, DeliveryProblem.Unreachable, $"cannot connect ({socket.SocketErrorCode})")
                : new SendResult(SendOutcome.Transient, DeliveryProblem.GatewayUnavailable, $"request failed ({ex.HttpRequestError})");
        }
    }

    /// <summary>The request for one SMS (public for tests of the field mapping).</summary>
    public static HttpRequestMessage Build(HttpSmsOptions sms, string to, string text)
    {
        var fields = new Dictionary<string, string>(sms.ExtraFields) { [sms.ToField] = to, [sms.BodyField] = text };
        if (!string.IsNullOrEmpty(sms.FromField) && !string.IsNullOrEmpty(sms.From))
        {
            fields[sms.FromField] = sms.From;
        }
        var request = new HttpRequestMessage(HttpMethod.Post, sms.Url)
        {
            Content = sms.Format == SmsGatewayFormat.Json ? JsonContent.Create(fields) : new FormUrlEncodedContent(fields),
        };
        switch (sms.Auth)
        {
            case SmsGatewayAuth.Basic:
                var password = Secret(sms.PasswordFile, sms.Password);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sms.UserName}:{password}")));
                break;
            case SmsGatewayAuth.Bearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret(sms.TokenFile, sms.Token));
                break;
        }
        return request;
    }

    private static string Secret(string? file, string? value)
        => !string.IsNullOrEmpty(file) ? File.ReadLines(file).FirstOrDefault() ?? "" : value ?? "";

    public void Dispose()
    {
        if (httpClient is null)
        {
            _http.Dispose();
        }
    }
}
