using Microsoft.AspNetCore.Identity;

namespace Workflows.Host.Accounts;

/// <summary>A person who signs in; belongs to exactly one unit (单位).</summary>
public sealed class WorkflowUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public string? UnitCode { get; set; }

    /// <summary>A seeded demo account, whose password is public: it may sign in from loopback only.</summary>
    public bool IsDemo { get; set; }
}

/// <summary>A government body or office: a county government, its legal affairs office, a bureau, a town.</summary>
public sealed class Unit
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? ParentCode { get; set; }

    /// <summary><c>government</c>, <c>department</c>, <c>town</c> or <c>legal-office</c>: decides the statutory duties it carries.</summary>
    public string Kind { get; set; } = "department";
}
