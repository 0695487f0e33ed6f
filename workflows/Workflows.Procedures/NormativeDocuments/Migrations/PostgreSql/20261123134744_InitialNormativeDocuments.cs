using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Procedures.NormativeDocuments.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialNormativeDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "nd_cleanup_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicationUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nd_cleanup_rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "nd_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DraftUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BusinessRelated = table.Column<bool>(type: "boolean", nullable: false),
                    MarketActorsAffected = table.Column<bool>(type: "boolean", nullable: false),
                    PublicCommentExempt = table.Column<bool>(type: "boolean", nullable: false),
                    PublicCommentExemptReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ValidityYears = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: true),
                    CatalogueYear = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RepealedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FairCompetitionResult = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FairCompetitionConclusion = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    LegalityResult = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LegalityOpinion = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    PublicationChannel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublicationUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvaluationRemindedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    AbandonedReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nd_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "nd_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Data = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nd_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "nd_number_sequences",
                columns: table => new
                {
                    issuer_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nd_number_sequences", x => new { x.issuer_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "nd_cleanup_items",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nd_cleanup_items", x => new { x.RoundId, x.DocumentId });
                    table.ForeignKey(
                        name: "FK_nd_cleanup_items_nd_cleanup_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "nd_cleanup_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nd_filings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Authority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OnTime = table.Column<bool>(type: "boolean", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nd_filings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_nd_filings_nd_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "nd_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nd_validity_periods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Years = table.Column<int>(type: "integer", nullable: false),
                    Evaluation = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nd_validity_periods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_nd_validity_periods_nd_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "nd_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_nd_cleanup_rounds_IssuerCode_StartedOn",
                table: "nd_cleanup_rounds",
                columns: new[] { "IssuerCode", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_nd_documents_CatalogueYear",
                table: "nd_documents",
                column: "CatalogueYear");

            migrationBuilder.CreateIndex(
                name: "IX_nd_documents_InstanceId",
                table: "nd_documents",
                column: "InstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nd_documents_IssuerCode_Year_Sequence",
                table: "nd_documents",
                columns: new[] { "IssuerCode", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nd_documents_Number",
                table: "nd_documents",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nd_documents_Status_ExpiresOn",
                table: "nd_documents",
                columns: new[] { "Status", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_nd_filings_DocumentId_Authority",
                table: "nd_filings",
                columns: new[] { "DocumentId", "Authority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nd_history_DocumentId_At",
                table: "nd_history",
                columns: new[] { "DocumentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_nd_validity_periods_DocumentId_Index",
                table: "nd_validity_periods",
                columns: new[] { "DocumentId", "Index" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nd_cleanup_items");

            migrationBuilder.DropTable(
                name: "nd_filings");

            migrationBuilder.DropTable(
                name: "nd_history");

            migrationBuilder.DropTable(
                name: "nd_number_sequences");

            migrationBuilder.DropTable(
                name: "nd_validity_periods");

            migrationBuilder.DropTable(
                name: "nd_cleanup_rounds");

            migrationBuilder.DropTable(
                name: "nd_documents");
        }
    }
}
