using System.Text;

namespace Workflows.Benchmarks.Reporting;

/// <summary>One printed table of figures: a header row and rows of already formatted cells.</summary>
public sealed class ResultTable(string title, params string[] columns)
{
    public string Title { get; } = title;

    public IReadOnlyList<string> Columns { get; } = columns;

    public List<IReadOnlyList<string>> Rows { get; } = [];

    public ResultTable Add(params string[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"'{Title}' has {Columns.Count} columns, not {cells.Length}.");
        }
        Rows.Add(cells);
        return this;
    }

    public string ToText()
    {
        var widths = Columns.Select((c, i) => Rows.Select(r => Width(r[i])).Append(Width(c)).Max()).ToArray();
        var text = new StringBuilder().AppendLine(Title);
        Line(text, Columns, widths);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in Rows)
        {
            Line(text, row, widths);
        }
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder().Append("### ").AppendLine(Title).AppendLine();
        text.Append("| ").AppendJoin(" | ", Columns).AppendLine(" |");
        text.Append('|').AppendJoin('|', Columns.Select((_, i) => i == 0 ? "---" : "---:")).AppendLine("|");
        foreach (var row in Rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var pad = widths[i] - Width(cells[i]);
            // First column left-aligned (labels), the figures right-aligned.
            text.Append(i == 0 ? cells[i] + new string(' ', pad) : new string(' ', pad) + cells[i]);
            text.Append(i < cells.Count - 1 ? "  " : "");
        }
        text.AppendLine();
    }

    // CJK characters take two columns in a terminal.
    private static int Width(string s) => s.Sum(c => c >= '\u2E80' ? 2 : 1);
}
