namespace Workflows.Procedures.NormativeDocuments.Process;

/// <summary>
/// The names <c>normative-document.bpmn</c> and the code share: the definition key, the stable
/// activity ids (persisted in tasks and journals) and the process variables. Change none of them
/// without migrating running instances.
/// </summary>
public static class NormativeProcess
{
    public const string Key = "normative-document";
    public const string ResourceName = "Workflows.Procedures.NormativeDocuments.normative-document.bpmn";

    public static class Activities
    {
        public const string Drafting = "drafting";
        public const string PublicComment = "public-comment";
        public const string FairCompetitionReview = "fair-competition-review";
        public const string LegalityReview = "legality-review";
        public const string Revision = "revise-after-review";
        public const string CollectiveDeliberation = "collective-deliberation";
        public const string Registration = "registration";
        public const string Publication = "publication";
        public const string FilingGovernment = "filing-government";
        public const string FilingCongress = "filing-congress";
    }

    /// <summary>Set once at start from the document's settings; no task may change them.</summary>
    public static class Settings
    {
        public const string DocumentId = "documentId";
        public const string Title = "title";
        public const string Issuer = "issuer";
        public const string DraftUnit = "draftUnit";
        public const string BusinessRelated = "businessRelated";
        public const string MarketActorsAffected = "marketActorsAffected";
        public const string PublicCommentExempt = "publicCommentExempt";
        public const string PublicCommentExemptReason = "publicCommentExemptReason";
        public const string CommentPeriod = "commentPeriod";
        public const string LegalityReviewMinimum = "legalityReviewMinimum";
        public const string LegalityReviewDue = "legalityReviewDue";
        public const string PublicationDue = "publicationDue";
        public const string FilingDue = "filingDue";
        public const string ValidityYears = "validityYears";

        public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        {
            DocumentId, Title, Issuer, DraftUnit, BusinessRelated, MarketActorsAffected, PublicCommentExempt,
            PublicCommentExemptReason, CommentPeriod, LegalityReviewMinimum, LegalityReviewDue, PublicationDue, FilingDue, ValidityYears,
        };
    }

    /// <summary>What each step produces; only that step may set it.</summary>
    public static class Outputs
    {
        public const string AssessmentNotes = "assessmentNotes";
        public const string CommentFeedback = "commentFeedback";
        public const string FairCompetitionConclusion = "fairCompetitionConclusion";
        public const string LegalityOpinion = "legalityOpinion";
        public const string RevisionNotes = "revisionNotes";
        public const string MeetingDate = "meetingDate";
        public const string MeetingType = "meetingType";
        public const string Minutes = "minutes";
        public const string RegistrationNumber = "registrationNumber";
        public const string PublishedOn = "publishedOn";
        public const string FiledOn = "filedOn";
    }

    public static class Outcomes
    {
        public const string Pass = "pass";
        public const string Fail = "fail";
        public const string Lawful = "lawful";
        public const string LawfulAfterChanges = "lawful-after-changes";
        public const string Unlawful = "unlawful";
        public const string Adopt = "adopt";
        public const string AdoptWithChanges = "adopt-with-changes";
        public const string Reject = "reject";
    }

    public static string Load()
    {
        using var stream = typeof(NormativeProcess).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded procedure {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
