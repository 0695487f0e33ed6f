namespace Workflows.Activities;
internal static class AssemblyMarker;
