using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Procedures.PublicConsultation.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialPublicConsultation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pc_consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefinitionKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    DraftDocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedEarlyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EarlyCloseReason = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    FinalizedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackSummary = table.Column<string>(type: "TEXT", nullable: true),
                    FeedbackDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FeedbackPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackPublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddressHashKey = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pc_consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pc_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pc_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pc_comments_pc_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "pc_consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pc_comments_ConsultationId_Number",
                table: "pc_comments",
                columns: new[] { "ConsultationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pc_consultations_ClosesAt",
                table: "pc_consultations",
                column: "ClosesAt");

            migrationBuilder.CreateIndex(
                name: "IX_pc_consultations_InstanceId",
                table: "pc_consultations",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_pc_consultations_Subject",
                table: "pc_consultations",
                column: "Subject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pc_comments");

            migrationBuilder.DropTable(
                name: "pc_consultations");
        }
    }
}
