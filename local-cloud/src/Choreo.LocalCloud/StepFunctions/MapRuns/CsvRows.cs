using System.Text;

namespace Choreo.LocalCloud.StepFunctions.MapRuns;

/// <summary>Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends) into rows of fields.</summary>
public static class CsvRows
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var rowHasContent = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    rowHasContent = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    rowHasContent = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndRow();
                    break;
                default:
                    field.Append(c);
                    rowHasContent = true;
                    break;
            }
        }

        EndRow();
        return rows;

        void EndRow()
        {
            if (rowHasContent || field.Length > 0)
            {
                row.Add(field.ToString());
                rows.Add(row);
            }

            row = [];
            field.Clear();
            rowHasContent = false;
        }
    }
}
