namespace Workflows.Procedures.PublicConsultation;

public sealed class PublicConsultationOptions
{
    public const string Section = "Workflows:PublicConsultation";

    /// <summary>The longest comment accepted, in characters; longer views can be sent as several comments.</summary>
    public int MaxCommentLength { get; set; } = 5000;

    /// <summary>The longest feedback summary (反馈采纳情况和理由) and explanation (起草说明), in characters.</summary>
    public int MaxPublishedTextLength { get; set; } = 50_000;
}
