namespace Workflows.Procedures.AnnualReport;

/// <summary>
/// What the product's own records say about one calendar year (in the engine's time zone): the
/// figures an annual report quotes. Every count is of events dated inside the year.
/// </summary>
public sealed record AnnualReportFigures(
    int Year,
    DateTimeOffset CountedAt,
    DecisionFigures Decisions,
    LegalityReviewFigures LegalityReviews,
    NormativeDocumentFigures NormativeDocuments,
    IReadOnlyList<UnitSupervisionFigures> OverdueByUnit)
{
    public int OverdueTasks => OverdueByUnit.Sum(u => u.OverdueTasks);

    public int Escalations => OverdueByUnit.Sum(u => u.Escalations);
}

/// <param name="Proposed">Entered in the register (决策建议) during the year.</param>
/// <param name="Started">The decision body decided to start the procedure (启动) during the year.</param>
/// <param name="Decided">Adopted (with or without changes) at a collective meeting held during the year.</param>
/// <param name="Published">Published during the year.</param>
/// <param name="PublicParticipation">Decisions whose public participation (公众参与) closed during the year; likewise the others.</param>
public sealed record DecisionFigures(
    int Proposed,
    int Started,
    int Decided,
    int Published,
    int PublicParticipation,
    int Hearing,
    int ExpertConsultation,
    int RiskAssessment,
    int LegalityReview);

/// <param name="DecisionReviews">Legality review opinions given on major decisions during the year.</param>
/// <param name="DocumentReviews">Legality review opinions given on normative documents during the year.</param>
/// <param name="Subjects">Decisions adopted and documents registered during the year: what should have been reviewed.</param>
/// <param name="Reviewed">Those of <paramref name="Subjects"/> that had a legality review.</param>
/// <param name="Rate">Reviewed / subjects, in percent with one decimal; null when there was nothing to review.</param>
public sealed record LegalityReviewFigures(int DecisionReviews, int DocumentReviews, int Subjects, int Reviewed, decimal? Rate)
{
    public int Total => DecisionReviews + DocumentReviews;
}

/// <param name="Registered">Given a registration number during the year (统一登记).</param>
/// <param name="Published">Published during the year (统一发布).</param>
/// <param name="FiledOnTime">Of those published in the year: filed with both bodies, each within its period.</param>
/// <param name="FiledLate">Of those published in the year: filed with at least one body after its period.</param>
/// <param name="NotFiled">Of those published in the year: not yet filed with both bodies.</param>
/// <param name="Expired">Expired (validity ran out) during the year.</param>
public sealed record NormativeDocumentFigures(int Registered, int Published, int FiledOnTime, int FiledLate, int NotFiled, int Expired);

/// <param name="OverdueTasks">Steps due during the year that were completed after, or are still open past, their due date.</param>
/// <param name="Escalations">Supervision tasks (督办) opened during the year for the unit's overdue steps.</param>
public sealed record UnitSupervisionFigures(string Unit, string UnitName, int OverdueTasks, int Escalations);
