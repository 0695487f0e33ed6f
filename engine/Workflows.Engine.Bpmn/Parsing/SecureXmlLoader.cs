using System.Xml;
using System.Xml.Linq;

namespace Workflows.Engine.Bpmn.Parsing;

/// <summary>
/// Reads untrusted XML: files come from uploads and from other modelers, so no DTD (XXE,
/// entity expansion bombs), no resolver that could reach the network or the disk, and a size limit.
/// </summary>
internal static class SecureXmlLoader
{
    public static XDocument Load(string xml, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        if (xml.Length > maxCharacters)
        {
            throw new BpmnFormatException(EngineText.Format("Parse.TooLarge", xml.Length, maxCharacters));
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            if (DoctypeOffset(xml) is { } doctype)
            {
                var (doctypeLine, doctypePosition) = LineAndPosition(xml, doctype);
                throw new BpmnFormatException(
                    EngineText.Format("Parse.Dtd", doctypeLine, doctypePosition),
                    doctypeLine, doctypePosition, ex);
            }
            var line = ex.LineNumber > 0 ? ex.LineNumber : (int?)null;
            var position = ex.LinePosition > 0 ? ex.LinePosition : (int?)null;
            var where = line is null ? "" : EngineText.Format("Parse.Where", line, position);
            throw new BpmnFormatException(EngineText.Format("Parse.NotXml", where, ex.Message), line, position, ex);
        }
    }

    /// <summary>
    /// A DOCTYPE can only stand before the root element, so looking there tells a refused DTD
    /// apart from other syntax errors without depending on the wording of the reader's message,
    /// which also carries no position for this error.
    /// </summary>
    private static int? DoctypeOffset(string xml)
    {
        var i = 0;
        while (i < xml.Length)
        {
            if (char.IsWhiteSpace(xml[i]) || xml[i] == '\uFEFF')
            {
                i++;
            }
            else if (Skip(xml, ref i, "<?", "?>") || Skip(xml, ref i, "<!--", "-->"))
            {
                continue;
            }
            else
            {
                return string.CompareOrdinal(xml, i, "<!DOCTYPE", 0, 9) == 0 ? i : null;
            }
        }
        return null;
    }

    private static (int Line, int Position) LineAndPosition(string xml, int offset)
    {
        var lineStart = xml.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1;
        var line = 1 + xml.AsSpan(0, lineStart).Count('\n');
        return (line, offset - lineStart + 1);
    }

    private static bool Skip(string xml, ref int i, string open, string close)
    {
        if (string.CompareOrdinal(xml, i, open, 0, open.Length) != 0)
        {
            return false;
        }
        var end = xml.IndexOf(close, i + open.Length, StringComparison.Ordinal);
        i = end < 0 ? xml.Length : end + close.Length;
        return true;
    }
}
