using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Workflows.Activities.Notifications.Recipients;
using Workflows.Engine.Runtime;
using Workflows.Procedures.Experts.Persistence;

namespace Workflows.Procedures.Experts;

/// <summary>What an editor sends to add or change an expert; a missing list is an empty one.</summary>
public sealed record ExpertInput(
    string? Name,
    IReadOnlyList<string>? Fields,
    string? Title,
    string? Organisation,
    string? Email,
    string? UserName,
    IReadOnlyList<string>? Conflicts,
    bool? Active = null,
    int? Revision = null);

public static class ExpertRules
{
    public const int MaxNameLength = 100;
    public const int MaxTitleLength = 50;
    public const int MaxOrganisationLength = 200;
    public const int MaxEntryLength = 100;
    public const int MaxEntries = 30;
}

/// <summary>The expert pool register: kept by the legal affairs office, read by everyone who signs in.</summary>
public sealed class ExpertPool(IDbContextFactory<ExpertsDbContext> dbFactory, IRecipientDirectory directory, TimeProvider clock)
{
    /// <summary>The pool, by name; <paramref name="field"/> matches one of an expert's fields without regard to case.</summary>
    public async Task<IReadOnlyList<Expert>> ListAsync(string? field = null, bool? active = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Experts.AsNoTracking();
        if (active is { } wanted)
        {
            query = query.Where(e => e.Active == wanted);
        }
        // A pool is hundreds of people: matching fields here keeps the rule one C# comparison on every database.
        var experts = await query.ToListAsync(cancellationToken);
        return [.. experts
            .Where(e => string.IsNullOrWhiteSpace(field) || e.Fields.Contains(field.Trim(), StringComparer.OrdinalIgnoreCase))
            .OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id)];
    }

    public async Task<Expert?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    public async Task<Expert?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var experts = await db.Experts.AsNoTracking().Where(e => e.UserName != null).ToListAsync(cancellationToken);
        return experts.FirstOrDefault(e => string.Equals(e.UserName, userName, StringComparison.OrdinalIgnoreCase));
    }

    /// <exception cref="WorkflowValidationException">The input breaks a rule; each error names its field.</exception>
    public async Task<Expert> AddAsync(ExpertInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var expert = new Expert { Id = Guid.CreateVersion7(), Name = "", Organisation = "", Email = "", CreatedAt = now };
        await ApplyAsync(expert, input, now, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Experts.Add(expert);
        await db.SaveChangesAsync(cancellationToken);
        return expert;
    }

    /// <exception cref="WorkflowNotFoundException">No such expert.</exception>
    /// <exception cref="WorkflowConflictException">The expert changed since the editor read <see cref="ExpertInput.Revision"/>.</exception>
    public async Task<Expert> UpdateAsync(Guid id, ExpertInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new WorkflowNotFoundException($"专家 {id} 不在专家库中。");
        if (input.Revision is { } read && read != expert.Revision)
        {
            throw new WorkflowConflictException($"该专家信息已被他人修改（版本 {expert.Revision}，您读取的是 {read}），请刷新后再改。");
        }
        await ApplyAsync(expert, input, clock.GetUtcNow(), cancellationToken);
        expert.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowConflictException("该专家信息刚被他人修改，请刷新后再改。");
        }
        return expert;
    }

    private async Task ApplyAsync(Expert expert, ExpertInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var name = Text(input.Name, "name", "姓名", ExpertRules.MaxNameLength, required: true, errors);
        var title = Text(input.Title, "title", "职称", ExpertRules.MaxTitleLength, required: false, errors);
        var organisation = Text(input.Organisation, "organisation", "工作单位", ExpertRules.MaxOrganisationLength, required: true, errors);
        var fields = Entries(input.Fields, "fields", "专业领域", errors);
        if (fields.Count == 0 && !errors.Any(e => e.Target == "fields"))
        {
            errors.Add(new("fields", "请至少填写一个专业领域。"));
        }
        var conflicts = Entries(input.Conflicts, "conflicts", "利害关系申报", errors);
        var email = input.Email?.Trim() ?? "";
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || email.Length > 320)
        {
            errors.Add(new("email", "请填写有效的电子邮箱，论证邀请将发往该邮箱。"));
        }
        string? userName = null;
        if (!string.IsNullOrWhiteSpace(input.UserName))
        {
            var account = (await directory.ResolveAsync(new RecipientSpec(RecipientSpecKind.User, input.UserName.Trim()), cancellationToken)).FirstOrDefault();
            if (account is null)
            {
                errors.Add(new("userName", $"系统中没有用户「{input.UserName.Trim()}」：只能关联已有账号。"));
            }
            else if ((await FindByUserNameAsync(account.UserName, cancellationToken)) is { } other && other.Id != expert.Id)
            {
                errors.Add(new("userName", $"账号「{account.UserName}」已关联专家「{other.Name}」。"));
            }
            else
            {
                userName = account.UserName;
            }
        }
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(string.Join(" ", errors.Select(e => e.Message)), errors);
        }
        expert.Name = name!;
        expert.Title = title;
        expert.Organisation = organisation!;
        expert.Fields = [.. fields];
        expert.Conflicts = [.. conflicts];
        expert.Email = email;
        expert.UserName = userName;
        expert.Active = input.Active ?? expert.Active;
        expert.UpdatedAt = now;
    }

    private static string? Text(string? value, string target, string label, int max, bool required, List<ValidationError> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(new(target, $"请填写{label}。"));
            }
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(new(target, $"{label}不能超过 {max} 字。"));
        }
        return text;
    }

    private static IReadOnlyList<string> Entries(IReadOnlyList<string>? values, string target, string label, List<ValidationError> errors)
    {
        var entries = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (entries.Count > ExpertRules.MaxEntries)
        {
            errors.Add(new(target, $"{label}最多 {ExpertRules.MaxEntries} 项。"));
        }
        if (entries.FirstOrDefault(e => e.Length > ExpertRules.MaxEntryLength) is { } tooLong)
        {
            errors.Add(new(target, $"{label}「{tooLong[..20]}…」超过 {ExpertRules.MaxEntryLength} 字。"));
        }
        return entries;
    }
}
