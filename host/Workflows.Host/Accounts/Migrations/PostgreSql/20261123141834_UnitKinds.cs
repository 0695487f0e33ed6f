using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Host.Accounts.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class UnitKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Units",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "department");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Units");
        }
    }
}
