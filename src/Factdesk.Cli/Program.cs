return await Factdesk.Cli.Cli.RunAsync(args, Console.Out, Console.Error);
