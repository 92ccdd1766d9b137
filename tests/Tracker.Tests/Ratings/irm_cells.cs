using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class irm_cells
{
    public static TheoryData<string, Rated<Specificity>> specificity_cells => new()
    {
        { "None", Rated.Of(Specificity.None) },
        { "Low", Rated.Of(Specificity.Low) },
        { "Medium", Rated.Of(Specificity.Medium) },
        { "High", Rated.Of(Specificity.High) },
        { " high ", Rated.Of(Specificity.High) },
        { "ND", Rated.NotAssessed<Specificity>() },
        { "NR", Rated.NotAssessed<Specificity>() },
        { "nr", Rated.NotAssessed<Specificity>() },
        { "NA", Rated.NotApplicable<Specificity>() },
    };

    [Theory]
    [MemberData(nameof(specificity_cells))]
    public void a_specificity_cell_reads_as_its_level(string cell, Rated<Specificity> expected) =>
        IrmCells.Specificity(cell).ShouldBe(expected);

    public static TheoryData<string, Rated<PotentialImpact>> potential_impact_cells => new()
    {
        { "None", Rated.Of(PotentialImpact.None) },
        { "Minor", Rated.Of(PotentialImpact.Minor) },
        { "Moderate", Rated.Of(PotentialImpact.Moderate) },
        { "Transformative", Rated.Of(PotentialImpact.Transformative) },
        { "ND", Rated.NotAssessed<PotentialImpact>() },
        { "NR", Rated.NotAssessed<PotentialImpact>() },
        { "NA", Rated.NotApplicable<PotentialImpact>() },
    };

    [Theory]
    [MemberData(nameof(potential_impact_cells))]
    public void a_potential_impact_cell_reads_as_its_level(string cell, Rated<PotentialImpact> expected) =>
        IrmCells.PotentialImpact(cell).ShouldBe(expected);

    public static TheoryData<string, Rated<Completion>> completion_cells => new()
    {
        { "Not Started", Rated.Of(Completion.NotStarted) },
        { "Not started", Rated.Of(Completion.NotStarted) },
        { "NotStarted", Rated.Of(Completion.NotStarted) },
        { "Limited", Rated.Of(Completion.Limited) },
        { "Substantial", Rated.Of(Completion.Substantial) },
        { "Complete", Rated.Of(Completion.Complete) },
        { "Completed", Rated.Of(Completion.Complete) },
        { "Withdrawn", Rated.Of(Completion.Withdrawn) },
        { "Unclear", Rated.NotAssessed<Completion>() },
        { "ND", Rated.NotAssessed<Completion>() },
        { "NR", Rated.NotAssessed<Completion>() },
        { "NA", Rated.NotApplicable<Completion>() },
    };

    [Theory]
    [MemberData(nameof(completion_cells))]
    public void a_completion_cell_reads_as_its_level(string cell, Rated<Completion> expected) =>
        IrmCells.Completion(cell).ShouldBe(expected);

    public static TheoryData<string, Rated<OpenGovernmentEffect>> open_government_cells => new()
    {
        { "Worsened", Rated.Of(OpenGovernmentEffect.Worsened) },
        { "Worsens", Rated.Of(OpenGovernmentEffect.Worsened) },
        { "Did Not Change", Rated.Of(OpenGovernmentEffect.DidNotChange) },
        { "Marginal", Rated.Of(OpenGovernmentEffect.Marginal) },
        { "Major", Rated.Of(OpenGovernmentEffect.Major) },
        { "Outstanding", Rated.Of(OpenGovernmentEffect.Outstanding) },
        { "Not Applicable", Rated.NotApplicable<OpenGovernmentEffect>() },
        { "No early results to report yet", Rated.NotAssessed<OpenGovernmentEffect>() },
        { "ND", Rated.NotAssessed<OpenGovernmentEffect>() },
        { "NR", Rated.NotAssessed<OpenGovernmentEffect>() },
    };

    [Theory]
    [MemberData(nameof(open_government_cells))]
    public void a_did_it_open_government_cell_reads_as_its_level(string cell, Rated<OpenGovernmentEffect> expected) =>
        IrmCells.OpenGovernmentEffect(cell).ShouldBe(expected);

    public static TheoryData<string, Rated<CompletionChange>> completion_change_cells => new()
    {
        { "Increase", Rated.Of(CompletionChange.Increase) },
        { "No Change", Rated.Of(CompletionChange.NoChange) },
        { "Decrease", Rated.Of(CompletionChange.Decrease) },
        { "ND", Rated.NotAssessed<CompletionChange>() },
        { "NR", Rated.NotAssessed<CompletionChange>() },
        { "NA", Rated.NotApplicable<CompletionChange>() },
    };

    [Theory]
    [MemberData(nameof(completion_change_cells))]
    public void a_change_in_completion_cell_reads_as_its_level(string cell, Rated<CompletionChange> expected) =>
        IrmCells.CompletionChange(cell).ShouldBe(expected);

    public static TheoryData<string, Rated<bool>> flag_cells => new()
    {
        { "1", Rated.Of(true) },
        { "0", Rated.Of(false) },
        { "Yes", Rated.Of(true) },
        { "No", Rated.Of(false) },
        { "ND", Rated.NotAssessed<bool>() },
        { "NR", Rated.NotAssessed<bool>() },
        { "NA", Rated.NotApplicable<bool>() },
    };

    [Theory]
    [MemberData(nameof(flag_cells))]
    public void a_yes_no_cell_reads_as_a_flag(string cell, Rated<bool> expected) =>
        IrmCells.Flag(cell).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Very High")]
    [InlineData("3")]
    [InlineData("Transformative")]
    public void an_unknown_specificity_cell_is_an_error_not_a_guess(string cell)
    {
        IrmCells.TryParseSpecificity(cell, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => IrmCells.Specificity(cell)).Message.ShouldContain("Specificity");
    }

    [Fact]
    public void every_reader_refuses_a_cell_it_does_not_know()
    {
        IrmCells.TryParseSpecificity(null, out _).ShouldBeFalse();
        IrmCells.TryParsePotentialImpact("Huge", out _).ShouldBeFalse();
        IrmCells.TryParseCompletion("Half", out _).ShouldBeFalse();
        IrmCells.TryParseOpenGovernmentEffect("Yes", out _).ShouldBeFalse();
        IrmCells.TryParseCompletionChange("Up", out _).ShouldBeFalse();
        IrmCells.TryParseFlag("2", out _).ShouldBeFalse();
        IrmCells.TryParseBindingConstraint("TRUE", out _).ShouldBeFalse();
        IrmCells.TryParseOgpValues("1", "0", "maybe", "0", out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => IrmCells.PotentialImpact("Huge"));
        Should.Throw<FormatException>(() => IrmCells.Completion("Half"));
        Should.Throw<FormatException>(() => IrmCells.OpenGovernmentEffect("Yes"));
        Should.Throw<FormatException>(() => IrmCells.CompletionChange("Up"));
        Should.Throw<FormatException>(() => IrmCells.Flag("2"));
        Should.Throw<FormatException>(() => IrmCells.BindingConstraint("TRUE"));
        Should.Throw<FormatException>(() => IrmCells.OgpValues("1", "0", "maybe", "0"));
    }

    [Fact]
    public void every_level_is_written_as_the_irm_spells_it()
    {
        Enum.GetValues<Specificity>().Select(level => IrmCells.FormatSpecificity(Rated.Of(level))).ShouldBe(["None", "Low", "Medium", "High"]);
        Enum.GetValues<PotentialImpact>().Select(level => IrmCells.FormatPotentialImpact(Rated.Of(level))).ShouldBe(["None", "Minor", "Moderate", "Transformative"]);
        Enum.GetValues<Completion>().Select(level => IrmCells.FormatCompletion(Rated.Of(level))).ShouldBe(["Not Started", "Limited", "Substantial", "Complete", "Withdrawn"]);
        Enum.GetValues<OpenGovernmentEffect>().Select(level => IrmCells.FormatOpenGovernmentEffect(Rated.Of(level))).ShouldBe(["Worsened", "Did Not Change", "Marginal", "Major", "Outstanding"]);
        Enum.GetValues<CompletionChange>().Select(level => IrmCells.FormatCompletionChange(Rated.Of(level))).ShouldBe(["Increase", "No Change", "Decrease"]);
    }

    [Fact]
    public void a_missing_rating_is_written_nd_and_one_that_does_not_apply_na()
    {
        IrmCells.FormatSpecificity(Rated.NotAssessed<Specificity>()).ShouldBe("ND");
        IrmCells.FormatSpecificity(Rated.NotApplicable<Specificity>()).ShouldBe("NA");
        IrmCells.FormatCompletion(Rated.NotAssessed<Completion>()).ShouldBe("ND");
        IrmCells.FormatFlag(Rated.NotApplicable<bool>()).ShouldBe("NA");
        IrmCells.FormatYesNo(Rated.NotAssessed<bool>()).ShouldBe("ND");
    }

    [Fact]
    public void a_did_it_open_government_rating_that_does_not_apply_is_spelled_out_as_in_the_irm_file() =>
        IrmCells.FormatOpenGovernmentEffect(Rated.NotApplicable<OpenGovernmentEffect>()).ShouldBe("Not Applicable");

    [Fact]
    public void every_rating_reads_back_as_itself()
    {
        Levels.Of<Specificity>().ShouldAllBe(rated => IrmCells.Specificity(IrmCells.FormatSpecificity(rated)) == rated);
        Levels.Of<PotentialImpact>().ShouldAllBe(rated => IrmCells.PotentialImpact(IrmCells.FormatPotentialImpact(rated)) == rated);
        Levels.Of<Completion>().ShouldAllBe(rated => IrmCells.Completion(IrmCells.FormatCompletion(rated)) == rated);
        Levels.Of<OpenGovernmentEffect>().ShouldAllBe(rated => IrmCells.OpenGovernmentEffect(IrmCells.FormatOpenGovernmentEffect(rated)) == rated);
        Levels.Of<CompletionChange>().ShouldAllBe(rated => IrmCells.CompletionChange(IrmCells.FormatCompletionChange(rated)) == rated);
        Levels.OfBool().ShouldAllBe(rated => IrmCells.Flag(IrmCells.FormatFlag(rated)) == rated);
        Levels.OfBool().ShouldAllBe(rated => IrmCells.Flag(IrmCells.FormatYesNo(rated)) == rated);
        Enum.GetValues<BindingConstraint>().ShouldAllBe(constraint => IrmCells.BindingConstraint(IrmCells.FormatBindingConstraint(constraint, true)) == constraint);
    }

    [Fact]
    public void yes_no_cells_are_written_as_digits_or_words()
    {
        IrmCells.FormatFlag(Rated.Of(true)).ShouldBe("1");
        IrmCells.FormatFlag(Rated.Of(false)).ShouldBe("0");
        IrmCells.FormatYesNo(Rated.Of(true)).ShouldBe("Yes");
        IrmCells.FormatYesNo(Rated.Of(false)).ShouldBe("No");
    }

    public static TheoryData<string, string, string, string, Rated<IReadOnlySet<OgpValue>>> ogp_value_cells => new()
    {
        { "1", "0", "1", "1", Levels.Values(OgpValue.AccessToInformation, OgpValue.PublicAccountability, OgpValue.TechnologyAndInnovation) },
        { "0", "1", "0", "0", Levels.Values(OgpValue.CivicParticipation) },
        { "0", "0", "0", "1", Levels.Values(OgpValue.TechnologyAndInnovation) },
        { "0", "0", "0", "0", Levels.Values() },
        { "Yes", "No", "No", "No", Levels.Values(OgpValue.AccessToInformation) },
        { "ND", "ND", "ND", "ND", Rated.NotAssessed<IReadOnlySet<OgpValue>>() },
        { "NR", "NR", "NR", "NR", Rated.NotAssessed<IReadOnlySet<OgpValue>>() },
        { "1", "ND", "0", "0", Rated.NotAssessed<IReadOnlySet<OgpValue>>() },
        { "NA", "NA", "NA", "NA", Rated.NotApplicable<IReadOnlySet<OgpValue>>() },
        { "NA", "1", "0", "0", Rated.NotAssessed<IReadOnlySet<OgpValue>>() },
    };

    [Theory]
    [MemberData(nameof(ogp_value_cells))]
    public void the_four_ogp_value_cells_read_as_one_set(string ati, string cp, string pa, string technology, Rated<IReadOnlySet<OgpValue>> expected)
    {
        var values = IrmCells.OgpValues(ati, cp, pa, technology);

        values.State.ShouldBe(expected.State);
        if (expected.IsAssessed)
        {
            values.Value.ShouldBe(expected.Value, ignoreOrder: true);
        }
    }

    [Fact]
    public void a_value_set_is_written_back_one_cell_per_value()
    {
        var values = Levels.Values(OgpValue.AccessToInformation, OgpValue.TechnologyAndInnovation);

        Enum.GetValues<OgpValue>().Select(value => IrmCells.FormatOgpValue(values, value)).ShouldBe(["1", "0", "0", "1"]);
        IrmCells.FormatOgpValue(Rated.NotAssessed<IReadOnlySet<OgpValue>>(), OgpValue.CivicParticipation).ShouldBe("ND");
        IrmCells.FormatOgpValue(Rated.NotApplicable<IReadOnlySet<OgpValue>>(), OgpValue.CivicParticipation).ShouldBe("NA");
    }

    public static TheoryData<string, BindingConstraint> binding_constraint_cells => new()
    {
        { "Spec", BindingConstraint.Spec },
        { "Rel", BindingConstraint.Rel },
        { "PotImp", BindingConstraint.PotImp },
        { "Cmpl", BindingConstraint.Cmpl },
        { "STAR", BindingConstraint.Star },
        { "Star", BindingConstraint.Star },
        { "FALSE", BindingConstraint.NotAssessed },
        { "NR", BindingConstraint.NotAssessed },
        { "ND", BindingConstraint.NotAssessed },
    };

    [Theory]
    [MemberData(nameof(binding_constraint_cells))]
    public void a_binding_constraint_cell_reads_as_its_constraint(string cell, BindingConstraint expected) =>
        IrmCells.BindingConstraint(cell).ShouldBe(expected);

    [Fact]
    public void a_binding_constraint_is_written_as_the_irm_writes_it()
    {
        Enum.GetValues<BindingConstraint>().Select(constraint => IrmCells.FormatBindingConstraint(constraint))
            .ShouldBe(["Spec", "Rel", "PotImp", "Cmpl", "STAR", "FALSE"]);
        IrmCells.FormatBindingConstraint(BindingConstraint.NotAssessed, reviewed: false).ShouldBe("NR");
    }
}
