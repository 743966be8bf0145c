/** The header row of the size comparisons' tables: a label column, then right-aligned figures. */
export function SizeTableHead({ label, figures }: { label: string; figures: string[] }) {
  return (
    <thead className="text-sm text-muted">
      <tr>
        <th scope="col" className="py-1 pr-3 font-medium">
          {label}
        </th>
        {figures.map((figure, index) => (
          <th key={figure} scope="col" className={`py-1 text-right font-medium ${index < figures.length - 1 ? 'pr-3' : ''}`}>
            {figure}
          </th>
        ))}
      </tr>
    </thead>
  );
}
