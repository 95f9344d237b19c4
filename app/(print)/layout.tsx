/** Print views: no app header, an A4 sheet on screen and on paper. */
export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="a4-sheet mx-auto my-6 bg-white p-[18mm] shadow print:m-0 print:p-0 print:shadow-none">
      {children}
    </main>
  );
}
