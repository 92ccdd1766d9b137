using Tracker.OpenData;
using Tracker.OpenData.Exporting;
using Tracker.OpenData.Importing;

namespace Tracker.Tests.OpenData;

/// <summary>The CSV layer: what the export writes, the import reads back cell for cell; a file that is not an OGP file is refused whole.</summary>
public class reading_and_writing_ogp_csv
{
    [Fact]
    public void cells_with_commas_quotes_line_breaks_and_edge_spaces_survive_a_write_and_a_read()
    {
        string[] tricky = ["NL0025", "a, b", "say \"open\"", "line\r\nbreak", " edge ", "plain", "NA", "", "Ministerio de Tecnologías"];
        var header = new[] { OgpColumns.Identifier, "B", "C", "D", "E", "F", "G", "H", "I" }
            .Concat(OgpColumns.Required.Where(r => r != OgpColumns.Identifier)).ToArray();
        var row = tricky.Concat(Enumerable.Repeat("x", header.Length - tricky.Length)).ToArray();

        var (file, problem) = OgpCsv.Read(OgpExport.CsvLine(header) + OgpExport.CsvLine(row));

        problem.ShouldBeNull();
        var read = file!.Rows.ShouldHaveSingleItem();
        read.Line.ShouldBe(2);
        header.Select(h => read[h]).ShouldBe(row);
        file.UnknownColumns.ShouldBe(["B", "C", "D", "E", "F", "G", "H", "I"]);
    }

    [Fact]
    public void a_record_spanning_lines_is_numbered_by_the_line_it_starts_on()
    {
        var header = OgpExport.CsvLine(OgpColumns.Required);
        var first = OgpExport.CsvLine(OgpColumns.Required.Select((_, i) => i == 7 ? "two\nlines" : "a"));
        var second = OgpExport.CsvLine(OgpColumns.Required.Select(_ => "b"));

        var (file, _) = OgpCsv.Read(header + first + second);

        file!.Rows.Select(r => r.Line).ShouldBe([2, 4]);
    }

    [Fact]
    public void a_row_with_more_or_fewer_cells_than_the_header_is_refused_with_its_line()
    {
        var text = OgpExport.CsvLine(OgpColumns.Required) + "NL0001,Netherlands\r\n" + OgpExport.CsvLine(OgpColumns.Required.Select(_ => "b"));

        var (file, _) = OgpCsv.Read(text);

        file!.Rows.ShouldHaveSingleItem().Line.ShouldBe(3);
        var malformed = file.Malformed.ShouldHaveSingleItem();
        malformed.Line.ShouldBe(2);
        malformed.Code.ShouldBe("NL0001");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("name;code;kind\r\nNetherlands;NL;National\r\n", "separated by ';'")]
    [InlineData("\0\u0001PK\u0003\u0004binary", "binary")]
    [InlineData("a,b,c\r\n1,2,3\r\n", "not an OGP commitment file")]
    public void a_file_that_is_not_an_ogp_csv_is_refused_whole(string text, string reason)
    {
        var (file, problem) = OgpCsv.Read(text);

        file.ShouldBeNull();
        problem.ShouldNotBeNull().Message.ShouldContain(reason);
    }

    [Fact]
    public void a_missing_required_column_is_named()
    {
        var header = OgpColumns.Required.Where(c => c != OgpColumns.LeadInstitution);

        var (_, problem) = OgpCsv.Read(OgpExport.CsvLine(header) + OgpExport.CsvLine(header.Select(_ => "x")));

        problem.ShouldNotBeNull().MissingColumns.ShouldBe([OgpColumns.LeadInstitution]);
        problem.Message.ShouldContain("'Lead Institution'");
    }
}
