/** github-slugger 1.5.0 (CommonJS) ships no types; 2.0.0, ESM-only, has the same API and slugs. */
declare module 'github-slugger' {
	class GithubSlugger {
		/** The slug GitHub gives this heading, suffixed -1, -2, … for repeats. */
		slug(value: string, maintainCase?: boolean): string;
		reset(): void;
	}
	export = GithubSlugger;
}
