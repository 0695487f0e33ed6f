using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Host.Accounts.Migrations.Sqlite
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
                type: "TEXT",
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
