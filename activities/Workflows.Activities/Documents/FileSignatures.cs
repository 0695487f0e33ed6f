namespace Workflows.Activities.Documents;

/// <summary>
/// Checks that a file's first bytes match its extension, so an executable renamed to .pdf is
/// refused. Formats without a fixed signature (plain text) are checked for binary content.
/// </summary>
internal static class FileSignatures
{
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public static bool Matches(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        ".pdf" => head.StartsWith(Pdf),
        // OOXML and OFD are zip packages; .doc/.xls and the older WPS formats are OLE compound files.
        ".docx" or ".xlsx" or ".ofd" or ".zip" => head.StartsWith(Zip) || head.StartsWith(EmptyZip),
        ".doc" or ".xls" => head.StartsWith(Ole),
        ".wps" or ".et" => head.StartsWith(Ole) || head.StartsWith(Zip),
        ".png" => head.StartsWith(Png),
        ".jpg" or ".jpeg" => head.StartsWith(Jpeg),
        ".txt" => !head.Contains((byte)0),
        _ => false,
    };
}
