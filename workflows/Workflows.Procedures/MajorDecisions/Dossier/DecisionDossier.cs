using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Activities.Documents;
using Workflows.Engine;
using Workflows.Engine.Runtime;
using Workflows.Procedures.MajorDecisions.Persistence;

namespace Workflows.Procedures.MajorDecisions.Dossier;

/// <summary>
/// The complete dossier of a decision (art. 33, 决策档案) as one zip: every document, the structured
/// records, the journal and the result of checking its hash chain and every document against the
/// hash the journal recorded for it.
/// </summary>
public sealed class DecisionDossier(DocumentStore documents, TimeProvider clock)
{
    public const string DecisionFile = "决策事项.json";
    public const string RecordsFile = "程序记录.json";
    public const string JournalFile = "流程日志.json";
    public const string VerificationFile = "校验结果.json";
    public const string DocumentsFolder = "文档/";

    private static readonly JsonSerializerOptions Json = new(EngineJson.Options) { WriteIndented = true };

    public static string FileName(Decision decision, DateOnly today)
    {
        var title = new string([.. decision.Title.Where(c => !Path.GetInvalidFileNameChars().Contains(c))]).Trim();
        return $"重大行政决策档案_{(title.Length > 60 ? title[..60] : title)}_{today:yyyyMMdd}.zip";
    }

    public async Task<byte[]> BuildAsync(Decision decision, IReadOnlyList<DecisionRecord> records, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        var history = await queries.GetHistoryAsync(decision.Id, cancellationToken);
        var verification = await queries.VerifyJournalAsync(decision.Id, cancellationToken);
        var stored = await documents.ListAsync(decision.Id, null, cancellationToken);
        var journalled = history.Where(e => e.Kind == DocumentStore.JournalKind)
            .ToDictionary(e => (string?)e.Data?["documentId"] ?? "", e => (string?)e.Data?["sha256"]);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var documentChecks = new JsonArray();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var document in stored)
            {
                var bytes = await documents.ReadAsync(document.Id, cancellationToken) ?? [];
                var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
                var name = UniqueName(names, $"{DecisionDocumentKinds.Names.GetValueOrDefault(document.Kind, document.Kind)}_{document.FileName}");
                await WriteAsync(zip, DocumentsFolder + name, bytes, cancellationToken);
                var expected = journalled.GetValueOrDefault(document.Id.ToString());
                documentChecks.Add(new JsonObject
                {
                    ["documentId"] = document.Id.ToString(),
                    ["file"] = DocumentsFolder + name,
                    ["kind"] = document.Kind,
                    ["sha256"] = actual,
                    ["journalSha256"] = expected,
                    ["valid"] = expected is not null && expected == actual && actual == document.Sha256,
                });
            }
            await WriteJsonAsync(zip, DecisionFile, JsonSerializer.SerializeToNode(decision, Json), cancellationToken);
            await WriteJsonAsync(zip, RecordsFile, new JsonArray([.. records.Select(r => (JsonNode)new JsonObject
            {
                ["sequence"] = r.Sequence,
                ["kind"] = r.Kind,
                ["step"] = DecisionSteps.NameOf(r.Kind),
                ["recordedBy"] = r.RecordedBy,
                ["recordedAt"] = r.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
                ["content"] = JsonNode.Parse(r.Content),
            })]), cancellationToken);
            await WriteJsonAsync(zip, JournalFile, JsonSerializer.SerializeToNode(history, Json), cancellationToken);
            var documentsValid = documentChecks.All(d => (bool)d!["valid"]!);
            await WriteJsonAsync(zip, VerificationFile, new JsonObject
            {
                ["decisionId"] = decision.Id.ToString(),
                ["exportedAt"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                ["valid"] = verification.Valid && documentsValid,
                ["journal"] = new JsonObject
                {
                    ["valid"] = verification.Valid,
                    ["entries"] = verification.Entries,
                    ["firstBrokenSequence"] = verification.FirstBrokenSequence,
                    ["reason"] = verification.Reason,
                },
                ["documents"] = documentChecks,
            }, cancellationToken);
        }
        return buffer.ToArray();
    }

    private static string UniqueName(HashSet<string> names, string name)
    {
        var candidate = name;
        for (var i = 2; !names.Add(candidate); i++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)}（{i}）{Path.GetExtension(name)}";
        }
        return candidate;
    }

    private static Task WriteJsonAsync(ZipArchive zip, string name, JsonNode? node, CancellationToken cancellationToken) =>
        WriteAsync(zip, name, Encoding.UTF8.GetBytes(node?.ToJsonString(Json) ?? "null"), cancellationToken);

    private static async Task WriteAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(bytes, cancellationToken);
    }
}
