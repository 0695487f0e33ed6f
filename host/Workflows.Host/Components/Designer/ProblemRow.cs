namespace Workflows.Host.Components.Designer;

/// <param name="Name">The element's name on the canvas, when it has one.</param>
/// <param name="OnCanvas">Whether the diagram draws the element (a file without layout for it does not).</param>
public sealed record ProblemRow(DesignerProblem Problem, string? Name, bool OnCanvas);
