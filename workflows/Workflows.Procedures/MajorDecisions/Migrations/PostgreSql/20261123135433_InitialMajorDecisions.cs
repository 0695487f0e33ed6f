using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Procedures.MajorDecisions.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialMajorDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "md_catalogues",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DecisionBody = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PartyCommitteeAgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_md_catalogues", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "md_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CatalogueYear = table.Column<int>(type: "integer", nullable: false),
                    CatalogueItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecisionBody = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProposerUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProposedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MarketActorsAffected = table.Column<bool>(type: "boolean", nullable: false),
                    AdjustsDecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LeadUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PublicParticipation = table.Column<bool>(type: "boolean", nullable: true),
                    Hearing = table.Column<bool>(type: "boolean", nullable: true),
                    ExpertConsultation = table.Column<bool>(type: "boolean", nullable: true),
                    RiskAssessment = table.Column<bool>(type: "boolean", nullable: true),
                    RiskLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LegalityOpinion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    MeetingOutcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SyncedSequence = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_md_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "md_catalogue_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MeetingType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_md_catalogue_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_md_catalogue_changes_md_catalogues_Year",
                        column: x => x.Year,
                        principalTable: "md_catalogues",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "md_catalogue_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LeadUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PlannedCompletion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Remarks = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Removed = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_md_catalogue_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_md_catalogue_items_md_catalogues_Year",
                        column: x => x.Year,
                        principalTable: "md_catalogues",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "md_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_md_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_md_records_md_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "md_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_md_catalogue_changes_Year",
                table: "md_catalogue_changes",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_md_catalogue_items_Year_Number",
                table: "md_catalogue_items",
                columns: new[] { "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_md_decisions_AdjustsDecisionId",
                table: "md_decisions",
                column: "AdjustsDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_md_decisions_CatalogueYear",
                table: "md_decisions",
                column: "CatalogueYear");

            migrationBuilder.CreateIndex(
                name: "IX_md_decisions_Status",
                table: "md_decisions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_md_records_DecisionId_Sequence",
                table: "md_records",
                columns: new[] { "DecisionId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_md_records_Kind",
                table: "md_records",
                column: "Kind");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "md_catalogue_changes");

            migrationBuilder.DropTable(
                name: "md_catalogue_items");

            migrationBuilder.DropTable(
                name: "md_records");

            migrationBuilder.DropTable(
                name: "md_catalogues");

            migrationBuilder.DropTable(
                name: "md_decisions");
        }
    }
}
