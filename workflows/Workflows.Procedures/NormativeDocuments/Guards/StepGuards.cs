using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Activities;
using Workflows.Engine.Runtime;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Register;
using Out = Workflows.Procedures.NormativeDocuments.Process.NormativeProcess.Outputs;

namespace Workflows.Procedures.NormativeDocuments.Guards;

/// <summary>起草与评估: the assessment of need, lawfulness and impact is on record.</summary>
public sealed class DraftingGuard(IDbContextFactory<NormativeDocumentsDbContext> db) : NormativeGuard(db)
{
    public override string Key => "normative-drafting";
    protected override IReadOnlySet<string> Outputs { get; } = Set(Out.AssessmentNotes);

    protected override Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        RequireText(context, Out.AssessmentNotes, "起草说明和评估意见", errors);
        return Task.CompletedTask;
    }
}

/// <summary>公开征求意见: the period is the engine's (fz:minimum); the adoption feedback is required here.</summary>
public sealed class PublicCommentGuard(IDbContextFactory<NormativeDocumentsDbContext> db) : NormativeGuard(db)
{
    public override string Key => "normative-public-comment";
    protected override IReadOnlySet<string> Outputs { get; } = Set(Out.CommentFeedback);

    protected override Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        RequireText(context, Out.CommentFeedback, "意见采纳情况及理由", errors);
        return Task.CompletedTask;
    }
}

/// <summary>公平竞争审查: a written conclusion, whatever the outcome.</summary>
public sealed class FairCompetitionGuard(IDbContextFactory<NormativeDocumentsDbContext> db) : NormativeGuard(db)
{
    public override string Key => "normative-fair-competition";
    protected override IReadOnlySet<string> Outputs { get; } = Set(Out.FairCompetitionConclusion);

    protected override Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        RequireText(context, Out.FairCompetitionConclusion, "公平竞争审查结论", errors);
        return Task.CompletedTask;
    }
}

/// <summary>
/// 合法性审核: given by the legal affairs office itself — not by an admin standing in, not by the
/// drafting unit — with a written opinion. Nothing else can close it.
/// </summary>
public sealed class LegalityReviewGuard(IDbContextFactory<NormativeDocumentsDbContext> db) : NormativeGuard(db)
{
    public const string ReviewerRole = "legal";

    public override string Key => "normative-legality-review";
    protected override IReadOnlySet<string> Outputs { get; } = Set(Out.LegalityOpinion);

    protected override Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (!context.Actor.IsInRole(ReviewerRole))
        {
            errors.Add(new ValidationError(context.Task.Id, "合法性审核只能由合法性审查人员 (legal) 出具意见，不能以征求意见、会签或他人代替。", context.Task.ElementType));
        }
        RequireText(context, Out.LegalityOpinion, "合法性审核意见书", errors);
        return Task.CompletedTask;
    }
}

/// <summary>根据审核意见修改: what was changed in answer to the opinion.</summary>
public sealed class RevisionGuard(IDbContextFactory<NormativeDocumentsDbContext> db) : NormativeGuard(db)
{
    public override string Key => "normative-revision";
    protected override IReadOnlySet<string> Outputs { get; } = Set(Out.RevisionNotes);

    protected override Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        RequireText(context, Out.RevisionNotes, "修改情况说明", errors);
        return Task.CompletedTask;
    }
}

/// <summary>统一登记编号: closed only by the register (POST .../register), which gives the number.</summary>
public sealed class RegistrationGuard(IDbContextFactory<NormativeDocumentsDbContext> db) : NormativeGuard(db)
{
    public override string Key => "normative-registration";
    protected override IReadOnlySet<string> Outputs { get; } = Set(Out.RegistrationNumber);

    protected override Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (document.Number is null || (string?)context.Variables[Out.RegistrationNumber] != document.Number)
        {
            errors.Add(new ValidationError(context.Task.Id, $"文件尚未统一登记编号：请通过 POST /api/normative-documents/{document.Id}/register 登记。", context.Task.ElementType));
        }
        return Task.CompletedTask;
    }
}

/// <summary>统一发布: closed only once the register holds the publication on the official channel.</summary>
public sealed class PublicationGuard(IDbContextFactory<NormativeDocumentsDbContext> db) : NormativeGuard(db)
{
    public override string Key => "normative-publication";
    protected override IReadOnlySet<string> Outputs { get; } = Set(Out.PublishedOn);

    protected override Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (document.PublishedOn is null)
        {
            errors.Add(new ValidationError(context.Task.Id, $"文件尚未在统一发布载体发布：请通过 POST /api/normative-documents/{document.Id}/publish 登记发布。", context.Task.ElementType));
        }
        return Task.CompletedTask;
    }
}

/// <summary>备案: closed only once the register holds the filing with that body.</summary>
public sealed class FilingGuard(IDbContextFactory<NormativeDocumentsDbContext> db) : NormativeGuard(db)
{
    public override string Key => "normative-filing";
    protected override IReadOnlySet<string> Outputs { get; } = Set(Out.FiledOn);

    protected override Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        var authority = context.Task.Id == Process.NormativeProcess.Activities.FilingCongress
            ? FilingAuthorities.CongressStandingCommittee
            : FilingAuthorities.HigherGovernment;
        if (document.Filings.All(f => f.Authority != authority))
        {
            errors.Add(new ValidationError(context.Task.Id, $"尚未登记向{FilingAuthorities.ChineseNames[authority]}报送备案：请通过 POST /api/normative-documents/{document.Id}/filings 登记。", context.Task.ElementType));
        }
        return Task.CompletedTask;
    }

    public override IEnumerable<string> Validate(Engine.Bpmn.Model.UserTask task) =>
        task.Id is Process.NormativeProcess.Activities.FilingGovernment or Process.NormativeProcess.Activities.FilingCongress
            ? []
            : [$"normative-filing guards only the tasks {Process.NormativeProcess.Activities.FilingGovernment} and {Process.NormativeProcess.Activities.FilingCongress}."];
}
