using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.Experts;

/// <summary>
/// A member of the expert pool (专家库, Decree 713 art. 19-20): chosen by field, with representativeness
/// and balance, and never for a matter in which they have declared an interest.
/// </summary>
public sealed class Expert
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>专业领域: one or several, e.g. 环境保护、城乡规划、法律.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>职称, e.g. 教授、高级工程师.</summary>
    public string? Title { get; set; }
    public required string Organisation { get; set; }
    public required string Email { get; set; }

    /// <summary>The account the expert signs in with; only experts with one can be given a consultation task.</summary>
    public string? UserName { get; set; }

    /// <summary>Declared conflicts of interest: units and matter keywords they may not advise on.</summary>
    public List<string> Conflicts { get; set; } = [];
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Counts updates; two editors saving the same version: the second gets a conflict.</summary>
    public int Revision { get; set; }
}

/// <summary>The lead unit's adoption of one expert's written opinion (a document of kind <c>expert-opinion</c>).</summary>
public sealed class ExpertOpinionAdoption
{
    public Guid DocumentId { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>Who wrote (uploaded) the opinion.</summary>
    public required string ExpertUserName { get; set; }
    public AdoptionDecision Decision { get; set; }
    public required string Reason { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
