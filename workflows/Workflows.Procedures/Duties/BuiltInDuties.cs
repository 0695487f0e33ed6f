namespace Workflows.Procedures.Duties;

/// <summary>
/// The duties of RULES.md section 3 that the product starts by itself, with the national
/// defaults; each is a setting where provinces differ. Sources: the Liujiang 2017 work points
/// (Q1 catalogue, item 8; Q1 reports and the executive meeting, part three item 1; training and
/// lectures, part two item 10) and the Supervision Rules art. 24 (publication by 1 April).
/// </summary>
public static class BuiltInDuties
{
    public const string NormativeCatalogue = "normative-catalogue";
    public const string DepartmentAnnualReport = "department-annual-report";
    public const string GovernmentAnnualReport = "government-annual-report";
    public const string ExecutiveMeetingReport = "executive-meeting-report";
    public const string LeadershipTraining = "leadership-training";
    public const string RuleOfLawLectures = "rule-of-law-lectures";

    public static IReadOnlyList<string> Keys { get; } =
        [NormativeCatalogue, DepartmentAnnualReport, GovernmentAnnualReport, ExecutiveMeetingReport, LeadershipTraining, RuleOfLawLectures];

    private static List<string> IssuingBodies() => ["government", "department", "town", "legal-office"];

    // The legal affairs office is itself a government department: it reports like the others.
    private static List<string> Departments() => ["department", "legal-office"];

    private static List<string> Governments() => ["government"];

    /// <summary>A fresh copy each time, so nobody can change the defaults by mutating what they were given.</summary>
    public static Dictionary<string, DutyOptions> Create() => new(StringComparer.OrdinalIgnoreCase)
    {
        [NormativeCatalogue] = new()
        {
            Name = "规范性文件目录公布",
            Definition = "duty-normative-catalogue",
            Frequency = DutyFrequency.Yearly,
            Due = "03-31",
            UnitKinds = IssuingBodies(),
            CoversPreviousYear = true,
        },
        [DepartmentAnnualReport] = new()
        {
            Name = "部门法治政府建设年度报告",
            Definition = "duty-department-annual-report",
            Frequency = DutyFrequency.Yearly,
            // Provincial practice; the seeds say "first quarter" (03-31).
            Due = "03-01",
            Dates = new() { ["publishDueDate"] = "04-01" },
            UnitKinds = Departments(),
            CoversPreviousYear = true,
        },
        [GovernmentAnnualReport] = new()
        {
            Name = "政府法治政府建设年度报告",
            Definition = "duty-government-annual-report",
            Frequency = DutyFrequency.Yearly,
            // The seeds' "first quarter"; some provinces ask for 03-01.
            Due = "03-31",
            Dates = new() { ["publishDueDate"] = "04-01" },
            UnitKinds = Governments(),
            CoversPreviousYear = true,
        },
        [ExecutiveMeetingReport] = new()
        {
            Name = "常务会议听取依法行政工作汇报",
            Definition = "duty-executive-meeting-report",
            // At least once a year nationally; HalfYearly where the local plan says every half year (Mile).
            Frequency = DutyFrequency.Yearly,
            Due = "end",
            UnitKinds = Governments(),
        },
        [LeadershipTraining] = new()
        {
            Name = "领导干部法治专题培训",
            Definition = "duty-leadership-training",
            Frequency = DutyFrequency.Yearly,
            Due = "end",
            UnitKinds = Governments(),
        },
        [RuleOfLawLectures] = new()
        {
            Name = "法治讲座",
            Definition = "duty-rule-of-law-lectures",
            Frequency = DutyFrequency.Yearly,
            Due = "end",
            UnitKinds = IssuingBodies(),
        },
    };
}
