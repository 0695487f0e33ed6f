using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Procedures.PublicConsultation.Migrations.PostgreSql
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BusinessKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActivityId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    DraftDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedEarlyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EarlyCloseReason = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    FinalizedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FeedbackSummary = table.Column<string>(type: "text", nullable: true),
                    FeedbackDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    FeedbackPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FeedbackPublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddressHashKey = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pc_consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pc_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddressHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
