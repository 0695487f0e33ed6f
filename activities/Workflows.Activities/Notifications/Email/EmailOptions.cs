namespace Workflows.Activities.Notifications.Email;

/// <summary>How the SMTP connection is secured; the names of MailKit's options, which they map to.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,

    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
}

public sealed class EmailOptions
{
    public const string Section = "Workflows:Email";

    /// <summary>The SMTP server; when empty, messages go to <see cref="PickupFolder"/> instead.</summary>
    public string? Host { get; set; }

    /// <summary>0 picks the usual port for <see cref="Security"/>: 465 for SslOnConnect, 587 for StartTls, 25 otherwise.</summary>
    public int Port { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    public string From { get; set; } = "noreply@fazhi.local";
    public string FromName { get; set; } = "法治政府建设工作平台";

    /// <summary>The address people open the product at; task links in emails start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Where .eml files go when no SMTP host is configured; relative paths are under the working directory, like the SQLite file.</summary>
    public string PickupFolder { get; set; } = "data/mail-pickup";

    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port > 0 ? Port : Security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };
}
