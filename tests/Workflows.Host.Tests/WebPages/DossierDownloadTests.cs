using System.Net;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.MajorDecisions;

namespace Workflows.Host.Tests.WebPages;

/// <summary>
/// <c>/decisions/{id}/dossier</c>, the dossier link of the archive step's page: the API's own handler
/// outside <c>/api</c> so the sign-in cookie reaches it, under the same rules — signed in, and only for
/// whoever may see the case, as each document's own download.
/// </summary>
public sealed class DossierDownloadTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Dossier_IsTheDecisionsZip_ForASignedInUser()
    {
        var driver = new DecisionDriver(host);
        var id = await driver.ProposeAsync("城区公共停车场建设（案卷下载）");
        using var owner = await driver.As("owner");

        var response = await owner.GetAsync($"/decisions/{id}/dossier");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Dossier_AndDocumentList_AreNotFound_ForASignedInUserWhoMayNotSeeTheCase()
    {
        var driver = new DecisionDriver(host);
        var id = await driver.ProposeAsync("城区公共停车场建设（无关人员）");
        using var uninvolved = await driver.As("reviewer");
        using var overseer = await driver.As("supervisor");

        Assert.Equal(HttpStatusCode.NotFound, (await uninvolved.GetAsync($"/api/instances/{id}")).StatusCode);
        await Problem.AssertAsync(await uninvolved.GetAsync($"/decisions/{id}/dossier"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await uninvolved.GetAsync($"/api/decisions/{id}/dossier"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await uninvolved.GetAsync($"/api/decisions/{id}/documents"), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, (await overseer.GetAsync($"/decisions/{id}/dossier")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await overseer.GetAsync($"/api/decisions/{id}/documents")).StatusCode);
    }

    [Fact]
    public async Task Dossier_IsRefused_WithoutSigningIn_AndIsAProblemForAnUnknownDecision()
    {
        var driver = new DecisionDriver(host);
        var id = await driver.ProposeAsync("城区公共停车场建设（未登录）");
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });

        var refused = await anonymous.GetAsync($"/decisions/{id}/dossier");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual("application/zip", refused.Content.Headers.ContentType?.MediaType);

        using var owner = await driver.As("owner");
        await Problem.AssertAsync(await owner.GetAsync($"/decisions/{Guid.NewGuid()}/dossier"), HttpStatusCode.NotFound);
    }
}
