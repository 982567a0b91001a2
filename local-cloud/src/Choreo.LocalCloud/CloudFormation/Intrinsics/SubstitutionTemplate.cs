using Choreo.LocalCloud.CloudFormation.Templates;

namespace Choreo.LocalCloud.CloudFormation.Intrinsics;

/// <summary>
/// The string of an Fn::Sub split into literals and variables. <c>${!Literal}</c> is written out as
/// <c>${Literal}</c>, which is how CloudFormation lets templates keep a dollar-brace in the output.
/// </summary>
public sealed class SubstitutionTemplate
{
    private SubstitutionTemplate(IReadOnlyList<SubstitutionPart> parts) => Parts = parts;

    public IReadOnlyList<SubstitutionPart> Parts { get; }

    public IEnumerable<string> Variables => Parts.Where(p => p.IsVariable).Select(p => p.Text);

    public static SubstitutionTemplate Parse(string text, string location)
    {
        var parts = new List<SubstitutionPart>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, start - i);
            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                throw new TemplateException($"Template error at {location}: Fn::Sub string has an unterminated '${{' at position {start}");
            }

            var name = text.Substring(start + 2, end - start - 2);
            if (name.StartsWith('!'))
            {
                literal.Append("${").Append(name, 1, name.Length - 1).Append('}');
            }
            else
            {
                var trimmed = name.Trim();
                if (trimmed.Length == 0)
                {
                    throw new TemplateException($"Template error at {location}: Fn::Sub string has an empty variable '${{}}'");
                }

                if (literal.Length > 0)
                {
                    parts.Add(new SubstitutionPart(literal.ToString(), false));
                    literal.Clear();
                }

                parts.Add(new SubstitutionPart(trimmed, true));
            }

            i = end + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(new SubstitutionPart(literal.ToString(), false));
        }

        return new SubstitutionTemplate(parts);
    }
}
