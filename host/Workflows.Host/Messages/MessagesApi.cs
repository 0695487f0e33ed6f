using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;

namespace Workflows.Host.Messages;

public sealed record MessageRequest(string? MessageName, string? BusinessKey, Guid? InstanceId, JsonObject? Variables);

public sealed record MessageResponse(Guid InstanceId, bool StartedNewInstance);

public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/messages").WithTags("Messages").RequireAuthorization()
            .MapPost("/", CorrelateAsync).WithSmallJsonBody()
            .WithSummary("Delivers a message to the instance waiting for it, or starts the definition it starts.");
        return app;
    }

    internal static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> CorrelateAsync(
        MessageRequest request, ClaimsPrincipal user, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.MessageName))
        {
            return Problems.BadRequest("messageName", "messageName is required.");
        }
        var result = await runtime.CorrelateMessageAsync(
            new CorrelateMessage(request.MessageName, request.BusinessKey, request.InstanceId, request.Variables), user.ToActor(), cancellationToken);
        return TypedResults.Ok(new MessageResponse(result.InstanceId, result.StartedNewInstance));
    }
}
