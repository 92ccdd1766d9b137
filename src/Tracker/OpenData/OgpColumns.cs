namespace Tracker.OpenData;

/// <summary>
/// The columns of the OGP/IRM commitment data (171, in the order of the OGP export), and what Tracker does with
/// each: holds it, computes it from assessments, or keeps it as the file wrote it (a source cell of the commitment).
/// docs/open-data.md lists them.
/// </summary>
public static class OgpColumns
{
    /// <summary>Every column of the OGP file, in its order; exports write exactly these.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "Commitment Unique Identifier", "Country/Locality", "Action Plan Number", "Commitment Number", "Code", "Region",
        "National Or Local", "Commitment Dummy", "Year Of Submission", "Action Plan End Year", "Action Plan Duration (Years)",
        "Theme", "Commitment Title", "Short Title", "Full Text", "Start Date", "End Date", "Lead Institution",
        "Supporting Institution(s)", "Anti-Corruption and Integrity", "Anti-corruption Institutions",
        "Anti-Corruption Strategies", "Asset Disclosure", "Audits", "Beneficial Ownership", "Conflicts Of Interest", "Elections",
        "Political Finance", "Lobbying", "Open Contracting", "Public Procurement", "Right To Information",
        "Whistleblower Protections", "Civic Space and Enabling Environment", "Freedom of Assembly", "Freedom of Association",
        "Freedom of Expression", "Democratizing Decision-Making", "Digital Participation", "Mainstreaming Participation",
        "Regulatory Governance", "Social Accountability", "Digital Governance", "Automated Decision-making",
        "Data Stewardship and Privacy", "Digital Inclusion", "Disinformation/Misinformation", "Online Civic Space",
        "Environment & Climate", "Climate Finance", "Climate Mitigation and Adaptation", "Environmental Regulation",
        "International Environmental Agreements", "Fiscal Openness", "Publication Of Budget/Fiscal Information",
        "Public Participation In Budget/Fiscal Policy", "Oversight Of Budget/Fiscal Policies", "Stimulus and Economic Recovery",
        "Tax", "Debt", "Inclusion", "Gender", "Gender-Based Violence", "Economic Inclusion", "LGBTQIA+",
        "People with Disabilities", "Youth", "Justice", "Access to Justice", "Open Justice", "Policing & Corrections",
        "Judiciary", "Open Parliaments", "Public Service Delivery", "Citizenship & Immigration", "Education",
        "Health & Nutrition", "Infrastructure & Transport", "Water & Sanitation", "Capacity Building", "Digital Transformation",
        "Legislation", "Regulation", "Legislative Oversight", "Open Data", "Public Participation", "Aid", "Energy",
        "Extractive Industries", "Land and Spatial Planning", "Media & Telecommunications", "Science & Technology",
        "Security & Public Safety", "Labor", "Private Sector", "Subnational", "Human Rights", "Open Parliament Plan",
        "Sustainable Development Goals", "Open Data (Water/Sanitation)", "Open Data (Health)", "Open Data (Education)",
        "Participation in Lawmaking", "Access to information", "Money in Politics", "Report Publication Year (Progress Report)",
        "Compound", "Cluster", "Specificity", "_Specificity", "Verifiable", "OGP Value Access To Information",
        "OGP Value Civic Participation", "OGP Value Public Accountability", "OGP Value Technology", "_Relevant",
        "Potential Impact", "_Potential Impact", "Completion (Progress Report)", "_CompletionProgress", "Starred (2015 Only)",
        "Starred (Current Formula) Progress Report", "Potential for Results", "_Potential for Results", "Cluster (AP Review)",
        "Cluster Commitment ID(s)", "Report Publication Year (End Of Term)", "Completion (End Of Term)", "_CompletionEndTerm",
        "Change In Completion", "_ChangeCompletion", "Early Results", "_Early Results", "Did It Open Government (Overall)",
        "_OpenGovernment", "Did It Open Government (Access To Information)", "_DIOGATI",
        "Did It Open Government (Civic Participation)", "_DIOGCP", "Did It Open Government: Public Accountability", "_DIOGPA",
        "Starred (Current Formula) End of Term", "Carried Forward", "Most Recently Assessed", "Star - Most Recently Assessed",
        "IRM Assessed", "Updated? (Website)", "Active Commitment", "Max star", "Ambition Assessed", "Comp Assessed",
        "DIOG Assessed", "Midterm Only", "Max Completion", "Raw Completion", "High Completion", "High Ambition", "High DIOG",
        "Ambitious and complete, or DIOG", "Ambitious but not complete", "Complete but not ambitious",
        "Not complete or ambitious", "Not reviewed", "CHECKSUM", "IRM-Based Score", "Binding constraint", "URL",
        "Latest IRM Report", "Subnational in NAPs", "Action Plan ID", "id",

    ];

    public const string Identifier = "Commitment Unique Identifier", Member = "Country/Locality", PlanNumber = "Action Plan Number",
        CommitmentNumber = "Commitment Number", Region = "Region", NationalOrLocal = "National Or Local", Dummy = "Commitment Dummy",
        YearOfSubmission = "Year Of Submission", EndYear = "Action Plan End Year", Duration = "Action Plan Duration (Years)",
        Title = "Commitment Title", ShortTitle = "Short Title", FullText = "Full Text", StartDate = "Start Date", EndDate = "End Date",
        LeadInstitution = "Lead Institution", SupportingInstitutions = "Supporting Institution(s)", Cluster = "Cluster";

    public const string Specificity = "Specificity", SpecificityNumber = "_Specificity", Verifiable = "Verifiable",
        AccessToInformation = "OGP Value Access To Information", CivicParticipation = "OGP Value Civic Participation",
        PublicAccountability = "OGP Value Public Accountability", Technology = "OGP Value Technology", Relevant = "_Relevant",
        PotentialImpact = "Potential Impact", PotentialImpactNumber = "_Potential Impact",
        MidtermCompletion = "Completion (Progress Report)", MidtermCompletionNumber = "_CompletionProgress",
        Starred2014 = "Starred (2015 Only)", StarredMidterm = "Starred (Current Formula) Progress Report",
        EndOfTermCompletion = "Completion (End Of Term)", EndOfTermCompletionNumber = "_CompletionEndTerm",
        ChangeInCompletion = "Change In Completion", ChangeInCompletionNumber = "_ChangeCompletion",
        OpenGovernment = "Did It Open Government (Overall)", OpenGovernmentNumber = "_OpenGovernment",
        OpenGovernmentAccessToInformation = "Did It Open Government (Access To Information)", OpenGovernmentAccessToInformationNumber = "_DIOGATI",
        OpenGovernmentCivicParticipation = "Did It Open Government (Civic Participation)", OpenGovernmentCivicParticipationNumber = "_DIOGCP",
        OpenGovernmentPublicAccountability = "Did It Open Government: Public Accountability", OpenGovernmentPublicAccountabilityNumber = "_DIOGPA",
        StarredEndOfTerm = "Starred (Current Formula) End of Term", HighAmbition = "High Ambition", HighCompletion = "High Completion",
        RawCompletion = "Raw Completion", NotReviewed = "Not reviewed", BindingConstraint = "Binding constraint";

    /// <summary>The columns of the IRM's method since 2021 (<see cref="CurrentMethodColumns"/>).</summary>
    public const string PotentialForResults = "Potential for Results", PotentialForResultsNumber = "_Potential for Results",
        ClusterAssessed = "Cluster (AP Review)", ClusterCommitments = "Cluster Commitment ID(s)",
        EarlyResults = "Early Results", EarlyResultsNumber = "_Early Results";

    /// <summary>Columns a file must have; the import refuses the whole file (400 naming them) without them.</summary>
    public static readonly IReadOnlyList<string> Required =
        [Identifier, Member, PlanNumber, CommitmentNumber, NationalOrLocal, YearOfSubmission, EndYear, Title, LeadInstitution];

    /// <summary>The 0/1 policy-area tag columns ("Open Data", "Right To Information", …): a commitment's tags are the columns marked 1.</summary>
    public static readonly IReadOnlyList<string> PolicyAreas = All.Skip(All.IndexOf("Anti-Corruption and Integrity"))
        .Take(All.IndexOf("Money in Politics") - All.IndexOf("Anti-Corruption and Integrity") + 1).ToList();

    /// <summary>Rating columns the import reads as the IRM's assessments (midterm: design and completion; end of term: completion and "did it open government?").</summary>
    public static readonly IReadOnlyList<string> MidtermInputs =
        [Specificity, AccessToInformation, CivicParticipation, PublicAccountability, Technology, Relevant, PotentialImpact, MidtermCompletion];

    /// <summary>The end-of-term assessments the import reads.</summary>
    public static readonly IReadOnlyList<string> EndOfTermInputs =
        [EndOfTermCompletion, OpenGovernment, OpenGovernmentAccessToInformation, OpenGovernmentCivicParticipation, OpenGovernmentPublicAccountability];

    /// <summary>Rating columns Tracker derives from the assessments; the import never reads them, it compares them (the consistency check).</summary>
    public static readonly IReadOnlyList<string> Derived =
    [
        SpecificityNumber, Verifiable, PotentialImpactNumber, MidtermCompletionNumber, Starred2014, StarredMidterm,
        EndOfTermCompletionNumber, ChangeInCompletion, ChangeInCompletionNumber, OpenGovernmentNumber,
        OpenGovernmentAccessToInformationNumber, OpenGovernmentCivicParticipationNumber, OpenGovernmentPublicAccountabilityNumber,
        StarredEndOfTerm, RawCompletion, HighCompletion, HighAmbition, NotReviewed, BindingConstraint,
        PotentialForResultsNumber, ClusterAssessed, ClusterCommitments, EarlyResultsNumber,
    ];

    /// <summary>
    /// Columns Tracker does not model: the import keeps each as the file wrote it (a source cell, with the file and line)
    /// and the export writes it back. The current IRM method's columns are not among them: the Action Plan Review and the
    /// Results Report hold them (<see cref="CurrentMethodColumns"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> SourceOnly =
    [
        "Code", "Theme", "Report Publication Year (Progress Report)", "Compound", "Report Publication Year (End Of Term)", "Carried Forward", "Most Recently Assessed", "Star - Most Recently Assessed", "Updated? (Website)", "URL", "Latest IRM Report",
        "Subnational in NAPs", "Action Plan ID", "id",
    ];

    private static int IndexOf(this IReadOnlyList<string> columns, string name) =>
        columns.Select((column, index) => (column, index)).First(c => c.column == name).index;
}
