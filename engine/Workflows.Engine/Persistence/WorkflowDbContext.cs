using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Calendar.Admin;
using Workflows.Engine.Definitions;
using Workflows.Engine.Instances;
using Workflows.Engine.Journal;
using Workflows.Engine.Messages;
using Workflows.Engine.Outbox;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Persistence;

/// <summary>
/// The engine's tables. Provider projects (<c>Workflows.Engine.Sqlite</c>, <c>Workflows.Engine.PostgreSql</c>)
/// hold the migrations for this one context type.
/// </summary>
public class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__EngineMigrations";

    public DbSet<WorkflowDefinition> Definitions => Set<WorkflowDefinition>();
    public DbSet<DefinitionTrigger> DefinitionTriggers => Set<DefinitionTrigger>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<Token> Tokens => Set<Token>();
    public DbSet<HumanTask> Tasks => Set<HumanTask>();
    public DbSet<TaskClockStop> TaskClockStops => Set<TaskClockStop>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<MessageSubscription> MessageSubscriptions => Set<MessageSubscription>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<CalendarYearChange> CalendarChanges => Set<CalendarYearChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        UtcInstants.Configure(configurationBuilder, Database.ProviderName);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinition>(e =>
        {
            e.ToTable("wf_definitions");
            e.HasIndex(d => new { d.Key, d.Version }).IsUnique();
            e.Property(d => d.Key).HasMaxLength(200);
            e.Property(d => d.Name).HasMaxLength(500);
            e.Property(d => d.ContentHash).HasMaxLength(64);
            e.Property(d => d.CreatedBy).HasMaxLength(200);
            e.Property(d => d.PublishedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<DefinitionTrigger>(e =>
        {
            e.ToTable("wf_definition_triggers");
            e.HasIndex(t => new { t.Kind, t.MessageName });
            e.HasIndex(t => t.DefinitionId);
            e.Property(t => t.DefinitionKey).HasMaxLength(200);
            e.Property(t => t.ActivityId).HasMaxLength(200);
            e.Property(t => t.MessageName).HasMaxLength(200);
        });
        modelBuilder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("wf_instances");
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.HasIndex(i => new { i.DefinitionKey, i.Status });
            e.HasIndex(i => i.BusinessKey);
            e.HasIndex(i => i.ParentInstanceId);
            e.Property(i => i.DefinitionKey).HasMaxLength(200);
            e.Property(i => i.BusinessKey).HasMaxLength(200);
            e.Property(i => i.StartedBy).HasMaxLength(200);
            e.Property(i => i.FaultActivityId).HasMaxLength(200);
            e.Property(i => i.JournalHash).HasMaxLength(64);
        });
        modelBuilder.Entity<Token>(e =>
        {
            e.ToTable("wf_tokens");
            e.HasIndex(t => t.InstanceId);
            e.Property(t => t.ActivityId).HasMaxLength(200);
            e.Property(t => t.ArrivedVia).HasMaxLength(200);
        });
        modelBuilder.Entity<HumanTask>(e =>
        {
            e.ToTable("wf_tasks");
            // Belt and braces beside the instance revision: a task never leaves Open twice.
            e.Property(t => t.Status).IsConcurrencyToken();
            e.Ignore(t => t.CandidateGroupList);
            e.Ignore(t => t.CandidateUserList);
            e.HasIndex(t => new { t.Status, t.Assignee });
            e.HasIndex(t => t.InstanceId);
            e.HasIndex(t => new { t.Status, t.DueAt });
            e.Property(t => t.ActivityId).HasMaxLength(200);
            e.Property(t => t.Name).HasMaxLength(500);
            e.Property(t => t.Assignee).HasMaxLength(200);
            e.Property(t => t.ClaimedBy).HasMaxLength(200);
            e.Property(t => t.CandidateGroups).HasMaxLength(1000);
            e.Property(t => t.CandidateUsers).HasMaxLength(1000);
            e.Property(t => t.CompletedBy).HasMaxLength(200);
            e.Property(t => t.Outcome).HasMaxLength(100);
            e.Property(t => t.DueRule).HasMaxLength(100);
            e.Property(t => t.MinimumRule).HasMaxLength(100);
            e.HasIndex(t => t.ParentTaskId);
        });
        modelBuilder.Entity<TaskClockStop>(e =>
        {
            e.ToTable("wf_task_clock_stops");
            e.HasIndex(s => s.TaskId);
            e.Property(s => s.PausedBy).HasMaxLength(200);
            e.Property(s => s.ResumedBy).HasMaxLength(200);
            e.Property(s => s.Reason).HasMaxLength(2000);
        });
        modelBuilder.Entity<WorkflowTimer>(e =>
        {
            e.ToTable("wf_timers");
            // Start and recurring timers have no instance row to guard them: their status does.
            e.Property(t => t.Status).IsConcurrencyToken();
            e.HasIndex(t => new { t.Status, t.DueAt });
            e.HasIndex(t => t.InstanceId);
            e.HasIndex(t => t.DefinitionId);
            e.Property(t => t.ActivityId).HasMaxLength(200);
        });
        modelBuilder.Entity<MessageSubscription>(e =>
        {
            e.ToTable("wf_message_subscriptions");
            e.HasIndex(s => s.MessageName);
            e.HasIndex(s => s.InstanceId);
            e.Property(s => s.ActivityId).HasMaxLength(200);
            e.Property(s => s.MessageName).HasMaxLength(200);
        });
        modelBuilder.Entity<JournalEntry>(e =>
        {
            e.ToTable("wf_journal");
            e.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique();
            e.Property(j => j.ActivityId).HasMaxLength(200);
            e.Property(j => j.Kind).HasMaxLength(64);
            e.Property(j => j.Actor).HasMaxLength(200);
            e.Property(j => j.Hash).HasMaxLength(64);
            e.Property(j => j.PreviousHash).HasMaxLength(64);
        });
        modelBuilder.Entity<CalendarYearRecord>(e =>
        {
            e.ToTable("wf_calendar_years");
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.ChangedBy).HasMaxLength(200);
            e.Property(y => y.Source).HasMaxLength(1000);
        });
        modelBuilder.Entity<CalendarYearChange>(e =>
        {
            e.ToTable("wf_calendar_changes");
            e.HasIndex(c => new { c.Year, c.Version }).IsUnique();
            e.Property(c => c.Action).HasMaxLength(16);
            e.Property(c => c.ChangedBy).HasMaxLength(200);
            e.Property(c => c.Reason).HasMaxLength(2000);
            e.Property(c => c.Source).HasMaxLength(1000);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("wf_outbox");
            e.HasIndex(o => o.ProcessedAt);
            e.Property(o => o.Type).HasMaxLength(100);
        });
    }
}
