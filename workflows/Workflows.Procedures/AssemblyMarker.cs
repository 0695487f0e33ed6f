namespace Workflows.Procedures;
internal static class AssemblyMarker;
