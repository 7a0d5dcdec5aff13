using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;
using Alerter.Delivery.Email;
using Alerter.Delivery.Sending;

namespace Alerter.Tests.Delivery;

/// <summary>Exception shapes as SmtpClient.SendMailAsync produces them (see shared/reference/dotnet-notes.md).</summary>
public class SmtpFailureClassifierTests
{
    [Fact]
    public void Classify_530WithStartTlsAndCredentials_AuthenticationFailed()
        => SmtpFailureClassifier.Classify(new SmtpException(SmtpStatusCode.MustIssueStartTlsFirst), enableSsl: true, hasCredentials: true)
            .Problem.ShouldBe(DeliveryProblem.AuthenticationFailed);

    [Fact]
    public void Classify_530WithoutStartTls_TlsRequired()
        => SmtpFailureClassifier.Classify(new SmtpException(SmtpStatusCode.MustIssueStartTlsFirst), enableSsl: false, hasCredentials: false)
            .Problem.ShouldBe(DeliveryProblem.TlsRequired);

    [Fact]
    public void Classify_ConnectionRefused_UnreachableAndTransient()
    {
        var result = SmtpFailureClassifier.Classify(new SmtpException("x", new SocketException((int)SocketError.ConnectionRefused)), true, true);
        result.Problem.ShouldBe(DeliveryProblem.Unreachable);
        result.Outcome.ShouldBe(SendOutcome.Transient);
        result.ChannelDown.ShouldBeTrue();
    }

    [Fact]
    public void Classify_Recipient550_RelayDeniedPermanent()
    {
        var result = SmtpFailureClassifier.Classify(new SmtpFailedRecipientException(SmtpStatusCode.MailboxUnavailable, "x@y"), true, true);
        result.Problem.ShouldBe(DeliveryProblem.RelayDenied);
        result.Outcome.ShouldBe(SendOutcome.Permanent);
        result.ChannelDown.ShouldBeFalse();
    }

    [Fact]
    public void Classify_Recipient450_Transient()
        => SmtpFailureClassifier.Classify(new SmtpFailedRecipientException(SmtpStatusCode.MailboxBusy, "x@y"), true, true)
            .Outcome.ShouldBe(SendOutcome.Transient);

    [Fact]
    public void Classify_451_TransientServerError()
        => SmtpFailureClassifier.Classify(new SmtpException(SmtpStatusCode.LocalErrorInProcessing), true, true)
            .Should(r => r.Problem.ShouldBe(DeliveryProblem.TransientServerError), r => r.Outcome.ShouldBe(SendOutcome.Transient));

    [Fact]
    public void Classify_554OnMessage_Permanent()
        => SmtpFailureClassifier.Classify(new SmtpException(SmtpStatusCode.TransactionFailed), true, true)
            .Outcome.ShouldBe(SendOutcome.Permanent);

    [Fact]
    public void Classify_TlsHandshakeFailure_TlsFailed()
        => SmtpFailureClassifier.Classify(new SmtpException("x", new AuthenticationException("bad cert")), true, true)
            .Problem.ShouldBe(DeliveryProblem.TlsFailed);

    [Fact]
    public void Classify_Cancelled_Timeout()
        => SmtpFailureClassifier.Classify(new OperationCanceledException(), true, true).Problem.ShouldBe(DeliveryProblem.Timeout);
}

internal static class ResultAssertions
{
    public static void Should(this SendResult result, params Action<SendResult>[] checks)
    {
        foreach (var check in checks)
        {
            check(result);
        }
    }
}
