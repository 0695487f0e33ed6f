namespace Workflows.Procedures.Experts;

/// <summary>An expert of the right field who may not be chosen, and why (recorded in the journal).</summary>
public sealed record ExpertExclusion(Expert Expert, string Reason);

/// <param name="Candidates">Active experts of at least one requested field, before exclusions.</param>
public sealed record ExpertSelectionResult(IReadOnlyList<Expert> Selected, IReadOnlyList<ExpertExclusion> Excluded, int Candidates);

/// <summary>
/// Chooses experts for a matter (Decree 713 art. 20: field, representativeness, balance; art. 19:
/// no one with a direct interest). Deterministic: the same pool and request always give the same
/// experts, so the choice can be explained and re-checked.
/// </summary>
/// <remarks>
/// Excluded first: anyone who declared an interest matching one of the matter's units or keywords
/// (either text containing the other, without regard to case), anyone working for one of those
/// units, and anyone without an account (they could not receive the consultation task). Then, one
/// at a time, the eligible expert who (1) comes from the organisation with the fewest experts chosen
/// so far, (2) covers a requested field no one chosen covers yet, (3) covers the most requested
/// fields, (4) comes first by name, then by id.
/// </remarks>
public static class ExpertSelection
{
    public static ExpertSelectionResult Select(IEnumerable<Expert> pool, IReadOnlyList<string> fields, int count, IReadOnlyList<string> interests)
    {
        var wanted = fields.Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        var candidates = pool
            .Where(e => e.Active && Matched(e, wanted).Any())
            .OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id)
            .ToList();
        var excluded = new List<ExpertExclusion>();
        var eligible = new List<Expert>();
        foreach (var expert in candidates)
        {
            if (ExclusionReason(expert, interests) is { } reason)
            {
                excluded.Add(new(expert, reason));
            }
            else
            {
                eligible.Add(expert);
            }
        }

        var selected = new List<Expert>();
        var perOrganisation = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (selected.Count < count && eligible.Count > 0)
        {
            var next = eligible
                .OrderBy(e => perOrganisation.GetValueOrDefault(e.Organisation.Trim()))
                .ThenByDescending(e => Matched(e, wanted).Any(f => !covered.Contains(f)))
                .ThenByDescending(e => Matched(e, wanted).Count())
                .ThenBy(e => e.Name, StringComparer.Ordinal)
                .ThenBy(e => e.Id)
                .First();
            selected.Add(next);
            eligible.Remove(next);
            perOrganisation[next.Organisation.Trim()] = perOrganisation.GetValueOrDefault(next.Organisation.Trim()) + 1;
            covered.UnionWith(Matched(next, wanted));
        }
        return new ExpertSelectionResult(selected, excluded, candidates.Count);
    }

    /// <summary>The requested fields the expert covers.</summary>
    public static IEnumerable<string> Matched(Expert expert, IReadOnlyList<string> wanted) =>
        wanted.Where(f => expert.Fields.Contains(f, StringComparer.OrdinalIgnoreCase));

    private static string? ExclusionReason(Expert expert, IReadOnlyList<string> interests)
    {
        foreach (var interest in interests.Select(i => i.Trim()).Where(i => i.Length > 0))
        {
            if (expert.Conflicts.FirstOrDefault(c => Overlaps(c, interest)) is { } declared)
            {
                return declared.Equals(interest, StringComparison.OrdinalIgnoreCase)
                    ? $"申报与「{interest}」存在利害关系"
                    : $"申报的利害关系「{declared}」涉及本事项的「{interest}」";
            }
            if (Overlaps(expert.Organisation, interest))
            {
                return $"所在单位「{expert.Organisation}」与本事项（{interest}）有利害关系";
            }
        }
        return string.IsNullOrWhiteSpace(expert.UserName) ? "未关联系统账号，无法接收论证任务" : null;
    }

    private static bool Overlaps(string a, string b)
    {
        a = a.Trim();
        b = b.Trim();
        return a.Length > 0 && b.Length > 0
            && (a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase));
    }
}
