using Tracker.Infrastructure;

namespace Tracker.Tests.Infrastructure;

public class escaping_logged_text
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("two\nlines", "two\\u000alines")]
    [InlineData("crlf\r\nforged", "crlf\\u000d\\u000aforged")]
    [InlineData("\u001b[31mred\u001b[0m", "\\u001b[31mred\\u001b[0m")]
    [InlineData("line\u2028separator", "line\\u2028separator")]
    [InlineData("tab\there", "tab\\u0009here")]
    [InlineData("Årbog – ünïcode", "Årbog – ünïcode")]
    [InlineData(null, "")]
    public void control_characters_are_written_as_escapes(string? text, string logged)
    {
        RefusalLogging.Escape(text).ShouldBe(logged);
    }

    [Fact]
    public void long_text_is_cut_short_saying_how_much_was_left_out()
    {
        var logged = RefusalLogging.Escape(new string('x', 10_000));

        logged.ShouldStartWith(new string('x', 300));
        logged.ShouldEndWith("… (9700 more characters)");
    }
}
