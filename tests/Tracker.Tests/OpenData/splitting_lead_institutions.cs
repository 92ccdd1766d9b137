using Tracker.OpenData.Importing;

namespace Tracker.Tests.OpenData;

/// <summary>A Lead Institution cell as the institutions it names, with the separators the IRM's data uses.</summary>
public class splitting_lead_institutions
{
    public static TheoryData<string, string[]> cells => new()
    {
        // one body a line, bulleted, a name wrapped onto an indented line (PY0066)
        { "Secretaría General\n - Secretaría\n - Dirección General de Tecnología de\n  la Información", ["Secretaría General", "Secretaría", "Dirección General de Tecnología de la Información"] },
        // a bullet inside a line (PY0067)
        { "Dirección General de Atención a la \n  ciudadanía y AIP (OAC), - Secretaría General", ["Dirección General de Atención a la ciudadanía y AIP (OAC)", "Secretaría General"] },
        // semicolons (UA0105)
        { "Vice Prime Minister; Government Office for the Coordination", ["Vice Prime Minister", "Government Office for the Coordination"] },
        // an enumeration
        { "(a) Ministry of Finance (b) Ministry of Justice", ["Ministry of Finance", "Ministry of Justice"] },
        // a line ending on "&" or a line starting in lower case wraps one name (NL0005, NL0015)
        { "Ministry of the Interior and Kingdom Relations & \nMinistry of Security and Justice", ["Ministry of the Interior and Kingdom Relations & Ministry of Security and Justice"] },
        { "Ministry of the Interior and Kingdom Relations and \nother public authorities", ["Ministry of the Interior and Kingdom Relations and other public authorities"] },
        // commas belong to names (GH0039)
        { "Ministry of Gender, Children and Social Protection", ["Ministry of Gender, Children and Social Protection"] },
        // a body named twice leads once
        { "Secretaría\n - Comisiones\n - Secretaría", ["Secretaría", "Comisiones"] },
        { "  ", [] },
    };

    [Theory]
    [MemberData(nameof(cells))]
    public void a_cell_names_its_bodies_in_order(string cell, string[] names)
    {
        OgpInstitutionNames.Split(cell).ShouldBe(names);
    }
}
