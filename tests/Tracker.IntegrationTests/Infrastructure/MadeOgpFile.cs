namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>OGP/IRM commitment files made by a test, as small or as large as it needs.</summary>
public static class MadeOgpFile
{
    /// <summary>
    /// A file of <paramref name="count"/> commitments of a made-up member (<paramref name="code"/>0001 …), one plan and one lead
    /// institution; the commitment numbered <paramref name="offScale"/>, if any, rates its specificity off the IRM's scale.
    /// </summary>
    public static byte[] Of(string code, string member, int count, int? offScale = null)
    {
        var lines = new List<string> { "Commitment Unique Identifier,Country/Locality,Action Plan Number,Commitment Number,National Or Local,"
            + "Year Of Submission,Action Plan End Year,Commitment Title,Lead Institution,Specificity" };
        for (var n = 1; n <= count; n++)
            lines.Add($"{code}{n:0000},{member},1,{n},National,2020,2022,Zymurgy register {n},Ministry of {member},{(n == offScale ? "Enormous" : "High")}");
        return System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
    }
}
