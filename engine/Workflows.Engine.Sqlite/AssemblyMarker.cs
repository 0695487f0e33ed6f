namespace Workflows.Engine.Sqlite;
internal static class AssemblyMarker;
