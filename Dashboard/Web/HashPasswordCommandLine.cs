using System.CommandLine;
using Dashboard.Web.Security;

namespace Dashboard.Web;

/// <summary><c>hash-password</c>: reads a password from standard input and prints its PBKDF2 hash for <c>Dashboard:Auth:PasswordHash</c>.</summary>
public static class HashPasswordCommandLine
{
    private static readonly Option<int> Iterations = new("--iterations")
    {
        Description = $"PBKDF2 iterations. Default {PasswordHash.DefaultIterations}.",
        DefaultValueFactory = _ => PasswordHash.DefaultIterations,
    };

    public static Command Create()
    {
        var command = new Command("hash-password", "Read a password from standard input (first line) and print pbkdf2-sha256$iterations$salt$hash for Dashboard:Auth:PasswordHash.")
        {
            Iterations,
        };
        command.SetAction(parse =>
        {
            if (!Console.IsInputRedirected)
            {
                Console.Error.Write("Password: ");
            }
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("No password given on standard input.");
                return 2;
            }
            var iterations = parse.GetValue(Iterations);
            if (iterations < 10_000)
            {
                Console.Error.WriteLine("--iterations must be at least 10000.");
                return 2;
            }
            Console.WriteLine(PasswordHash.Create(password, iterations));
            return 0;
        });
        return command;
    }
}
