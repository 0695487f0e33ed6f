namespace Workflows.Procedures.Units;

/// <summary>What a unit is, which decides the statutory duties it carries.</summary>
public enum UnitKind
{
    /// <summary>A people's government at county level or above (县级以上人民政府).</summary>
    Government,

    /// <summary>A department of a government (政府工作部门).</summary>
    Department,

    /// <summary>A township or town government (乡镇人民政府).</summary>
    Town,

    /// <summary>The legal affairs office (司法局 / 法治办), which oversees the others' duties.</summary>
    LegalOffice,
}

/// <summary>A government body, office or department (单位). <see cref="Code"/> is what <c>unit:role</c> specs name.</summary>
public sealed record OrgUnit(string Code, string Name, UnitKind Kind);

/// <summary>The stable names of <see cref="UnitKind"/> used in configuration and in the host's units table.</summary>
public static class UnitKinds
{
    public static string NameOf(UnitKind kind) => kind switch
    {
        UnitKind.Government => "government",
        UnitKind.Department => "department",
        UnitKind.Town => "town",
        UnitKind.LegalOffice => "legal-office",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads <c>legal-office</c> as well as <c>LegalOffice</c>, so both the stored name and the enum name work.</summary>
    public static bool TryParse(string? text, out UnitKind kind)
    {
        kind = UnitKind.Government;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var compact = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return !int.TryParse(compact, out _) && Enum.TryParse(compact, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    /// <exception cref="FormatException">Not a unit kind.</exception>
    public static UnitKind Parse(string? text) => TryParse(text, out var kind)
        ? kind
        : throw new FormatException($"'{text}' is not a unit kind; use government, department, town or legal-office.");
}
