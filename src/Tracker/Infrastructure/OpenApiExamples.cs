using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracker.Infrastructure;

/// <summary>Example request bodies for the write endpoints, taken from NL0025 (the seed commitment).</summary>
public static class OpenApiExamples
{
    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["RegisterMember"] = """{"name":"Netherlands","code":"NL","kind":"National","region":"Europe and North America"}""",
        ["RegisterInstitution"] = """{"name":"Ministry of Infrastructure and the Environment","kind":"Government","memberId":"0195f0a2-7c1e-7000-8000-000000000001"}""",
        ["RegisterPlan"] = """{"memberId":"0195f0a2-7c1e-7000-8000-000000000001","number":3,"title":"Netherlands 2016-2018 National Action Plan","periodStart":"2016-07-01","periodEnd":"2018-06-30"}""",
        ["AmendPlan"] = """{"title":"Netherlands 2016-2018 National Action Plan","periodStart":"2016-07-01","periodEnd":"2018-12-31","midtermCutoff":"2017-06-30","reason":"Extension agreed with OGP"}""",
        ["EndPlan"] = """{"endedOn":"2018-06-30"}""",
        ["RegisterCommitment"] = """{"code":"NL0025","number":"07","title":"Training civil servants on public participation","shortTitle":"Develop skills of public sector staff","leadInstitutionId":"0195f0a2-7c1e-7000-8000-000000000002","supportingInstitutionsText":"Ministry of BZK and the civil society","start":"2016-07-01","end":"2018-06-30","policyAreas":["Capacity Building","Public Participation"],"claimedValues":["civicParticipation"]}""",
        ["ReviseCommitment"] = """{"title":"Training civil servants on public participation","leadInstitutionId":"0195f0a2-7c1e-7000-8000-000000000002","start":"2016-07-01","end":"2018-06-30","reason":"Scope agreed with civil society"}""",
        ["WithdrawCommitment"] = """{"reason":"Merged into commitment 08"}""",
        ["ClusterCommitment"] = """{"cluster":"Open policy making"}""",
        ["PlanMilestone"] = """{"number":1,"text":"Professionalisation course \"The Art of Connecting\" for all policy staff","plannedStart":"2016-07-01","plannedEnd":"2018-06-30"}""",
        ["ReportMilestoneProgress"] = """{"level":"Limited","percent":55,"asOf":"2017-06-30","narrative":"Six out of 11 tranches attended the course.","evidence":[{"title":"Self-assessment report","url":"https://www.opengovpartnership.org/documents/netherlands-mid-term-self-assessment-2016-2018/","visibility":"Public"}]}""",
        ["RebaselineMilestone"] = """{"newEnd":"2018-06-30","justification":"Course capacity halved during the reorganisation"}""",
        ["WithdrawMilestone"] = """{"reason":"Replaced by milestone 5"}""",
        ["OpenReviewReport"] = """{"cutoff":"2017-06-30","starRule":"Irm2015"}""",
        ["AssignReviewer"] = """{"reviewerId":"irm-researcher-nl","name":"IRM researcher","isLead":true}""",
        ["RecordAssessment"] = """{"commitmentId":"0195f0a2-7c1e-7000-8000-000000000003","indicator":"Specificity","value":"Low","rationale":"The text does not say what the training covers."}""",
        ["SendReviewToPublicComment"] = """{"opens":"2018-03-01","closes":"2018-03-15"}""",
        ["SubmitPublicComment"] = """{"author":"Open State Foundation","text":"The course reached six of eleven tranches only.","commitmentCode":"NL0025"}""",
        ["IssueErratum"] = """{"commitmentId":"0195f0a2-7c1e-7000-8000-000000000003","indicator":"PotentialImpact","value":"Minor","reason":"Transcription error in the published table"}""",
    };

    /// <summary>Operation transformer: attaches the example body of the operation, if it has one.</summary>
    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        // The import reads its multipart body itself (so a wrong body gets a 400 naming the field, not a 415).
        if (operation.OperationId == "ImportOgp")
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The OGP/IRM commitment CSV, as the multipart field `file`.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        },
                    },
                },
            };
        if (operation.OperationId is { } id && Bodies.TryGetValue(id, out var body)
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType json)
            json.Example = JsonNode.Parse(body);
        return Task.CompletedTask;
    }
}
