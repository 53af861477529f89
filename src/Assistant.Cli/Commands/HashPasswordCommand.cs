using System.CommandLine;
using Microsoft.AspNetCore.Identity;

namespace Assistant.Cli.Commands;

/// <summary>
/// Prints the ASP.NET Core Identity (PBKDF2) hash of a password, for an account's PasswordHash in configuration.
/// Reads the password from standard input when it is not given, so it stays out of shell history.
/// </summary>
internal static class HashPasswordCommand
{
    public static Command Create()
    {
        var password = new Argument<string?>("password") { Description = "The password; omit it to read one line from standard input.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("hash-password", "Hash a password for Assistant:Auth:Accounts:N:PasswordHash.") { password };
        command.SetAction(parse =>
        {
            var value = parse.GetValue(password) ?? Console.ReadLine();
            if (string.IsNullOrEmpty(value))
            {
                Console.Error.WriteLine("error: give a password as an argument or on standard input.");
                return 2;
            }
            Console.WriteLine(new PasswordHasher<object>().HashPassword(new object(), value));
            return 0;
        });
        return command;
    }
}
