namespace Workflows.Host.Accounts;

/// <summary>The product's roles: the names are persisted and appear in BPMN <c>fz:candidateGroups</c>.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Owner = "owner";
    public const string Reviewer = "reviewer";
    public const string Legal = "legal";
    public const string Leader = "leader";
    public const string Expert = "expert";
    public const string Supervisor = "supervisor";

    /// <summary>Every role with the name people see.</summary>
    public static readonly IReadOnlyDictionary<string, string> DisplayNames = new Dictionary<string, string>
    {
        [Admin] = "系统管理员",
        [Owner] = "承办人员",
        [Reviewer] = "审查人员",
        [Legal] = "合法性审查人员",
        [Leader] = "负责人",
        [Expert] = "专家",
        [Supervisor] = "督办人员",
    };

    public static IEnumerable<string> All => DisplayNames.Keys;
}

/// <summary>Claim types the host adds beside Identity's name and role claims.</summary>
public static class WorkflowClaimTypes
{
    public const string Unit = "fz:unit";
    public const string Demo = "fz:demo";
}
