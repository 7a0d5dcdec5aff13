using Alerter.Sending;
using Alerter.Sending.Email;
using Alerter.Tests.Integration.Sending;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Alerter.Tests.Sending.Email;

/// <summary>
/// Exception shapes as MailKit 4.18.2 throws them (shared/reference/mailkit.md, and proven against aiosmtpd in
/// Integration/Sending/SmtpFailureTests): each is named by type, status code, enhanced status code and phase.
/// </summary>
public class SmtpFailureClassifierTests
{
    private static readonly SmtpAttempt Sending = new(SmtpSecurity.StartTls, HasCredentials: true, SmtpPhase.Send, ServerOffersStartTls: true, CertificateRejected: false);

    private static SmtpCommandException Rcpt(SmtpStatusCode status, string reply)
        => new(SmtpErrorCode.RecipientNotAccepted, status, new MailboxAddress("", "x@example.net"), reply);

    [Fact]
    public void Classify_AuthenticationException_AuthenticationFailed()
        => SmtpFailureClassifier.Classify(new AuthenticationException("535"), Sending with { Phase = SmtpPhase.Authenticate })
            .Problem.ShouldBe(DeliveryProblem.AuthenticationFailed);

    [Fact]
    public void Classify_NoStartTlsOfferedWhileConnecting_TlsRequired()
        => SmtpFailureClassifier.Classify(new NotSupportedException(), Sending with { Phase = SmtpPhase.Connect, ServerOffersStartTls = false })
            .Problem.ShouldBe(DeliveryProblem.TlsRequired);

    [Fact]
    public void Classify_530WithoutTlsWhenServerOffersStartTls_TlsRequired()
        => SmtpFailureClassifier.Classify(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.AuthenticationRequired, "5.7.0 Must issue a STARTTLS command first"),
                Sending with { Security = SmtpSecurity.None, HasCredentials = false })
            .Problem.ShouldBe(DeliveryProblem.TlsRequired);

    [Fact]
    public void Classify_530OverTlsWithoutCredentials_AuthenticationRequired()
        => SmtpFailureClassifier.Classify(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.AuthenticationRequired, "5.7.0 Authentication required"),
                Sending with { HasCredentials = false })
            .Problem.ShouldBe(DeliveryProblem.AuthenticationRequired);

    [Fact]
    public void Classify_ConnectionRefused_UnreachableAndTransient()
    {
        var result = SmtpFailureClassifier.Classify(new SocketException((int)SocketError.ConnectionRefused), Sending with { Phase = SmtpPhase.Connect });
        result.Problem.ShouldBe(DeliveryProblem.Unreachable);
        result.Outcome.ShouldBe(SendOutcome.Transient);
        result.ChannelDown.ShouldBeTrue();
    }

    [Fact]
    public void Classify_Recipient550Enhanced571_RelayDeniedPermanent()
    {
        var result = SmtpFailureClassifier.Classify(Rcpt(SmtpStatusCode.MailboxUnavailable, "5.7.1 Relaying denied"), Sending);
        result.Problem.ShouldBe(DeliveryProblem.RelayDenied);
        result.Outcome.ShouldBe(SendOutcome.Permanent);
        result.ChannelDown.ShouldBeFalse();
        result.Detail.ShouldContain("550 5.7.1");
    }

    [Fact]
    public void Classify_Recipient550Enhanced511_RecipientRejectedPermanent()
    {
        var result = SmtpFailureClassifier.Classify(Rcpt(SmtpStatusCode.MailboxUnavailable, "5.1.1 No such mailbox"), Sending);
        result.Problem.ShouldBe(DeliveryProblem.RecipientRejected);
        result.Outcome.ShouldBe(SendOutcome.Permanent);
    }

    [Fact]
    public void Classify_Recipient554WithoutEnhancedCode_RelayDenied()
        => SmtpFailureClassifier.Classify(Rcpt(SmtpStatusCode.TransactionFailed, "Relay access denied"), Sending).Problem.ShouldBe(DeliveryProblem.RelayDenied);

    [Fact]
    public void Classify_Recipient450_Transient()
        => SmtpFailureClassifier.Classify(Rcpt(SmtpStatusCode.MailboxBusy, "4.2.1 try later"), Sending).Outcome.ShouldBe(SendOutcome.Transient);

    [Fact]
    public void Classify_451OnMessage_TransientServerError()
    {
        var result = SmtpFailureClassifier.Classify(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ErrorInProcessing, "4.3.0 later"), Sending);
        result.Problem.ShouldBe(DeliveryProblem.TransientServerError);
        result.Outcome.ShouldBe(SendOutcome.Transient);
    }

    [Fact]
    public void Classify_554OnMessage_Permanent()
        => SmtpFailureClassifier.Classify(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "5.6.0 no"), Sending)
            .Should(r => r.Outcome.ShouldBe(SendOutcome.Permanent), r => r.Problem.ShouldBe(DeliveryProblem.PermanentServerError));

    [Fact]
    public void Classify_HandshakeWithRejectedCertificate_UntrustedCertificate()
        => SmtpFailureClassifier.Classify(new SslHandshakeException("x"), Sending with { Phase = SmtpPhase.Connect, CertificateRejected = true })
            .Problem.ShouldBe(DeliveryProblem.UntrustedCertificate);

    [Fact]
    public void Classify_HandshakeFailureWithAcceptedCertificate_TlsFailed()
        => SmtpFailureClassifier.Classify(new SslHandshakeException("x"), Sending with { Phase = SmtpPhase.Connect })
            .Problem.ShouldBe(DeliveryProblem.TlsFailed);

    [Fact]
    public void Classify_StartTlsTimeoutWhileConnecting_TimeoutSuggestsSslOnConnect()
        => SmtpFailureClassifier.Classify(new TimeoutException(), Sending with { Phase = SmtpPhase.Connect })
            .Should(r => r.Problem.ShouldBe(DeliveryProblem.Timeout), r => r.Detail.ShouldContain("SslOnConnect"));

    [Fact]
    public void Classify_Cancelled_Timeout()
        => SmtpFailureClassifier.Classify(new OperationCanceledException(), Sending).Problem.ShouldBe(DeliveryProblem.Timeout);
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
