using Bogus;

namespace Choreo.Worker.Functions.People;

/// <summary>The fake "database" of the article, with Bogus: names, profiles and cookie counts from a seed.</summary>
public static class PeopleFaker
{
    /// <summary>The article makes <c>Math.floor(Math.random() * 20)</c> names: 0 to 19.</summary>
    public const int MaxRandomPeople = 19;

    public static IReadOnlyList<string> Names(int seed, int? count)
    {
        var faker = FakerFor(seed);
        var n = count ?? faker.Random.Int(0, MaxRandomPeople);
        return Enumerable.Range(0, n).Select(_ => faker.Name.FullName()).ToList();
    }

    public static Profile ProfileOf(string name, int seed)
    {
        var faker = FakerFor(seed);
        return new Profile(name, faker.Company.CompanyName(), faker.Address.City());
    }

    /// <summary>0 to 9 cookies.</summary>
    public static int CookiesFor(int seed) => new Randomizer(seed).Int(0, 9);

    private static Faker FakerFor(int seed) => new("en") { Random = new Randomizer(seed) };
}
