import { createRoot } from 'react-dom/client';
import './style.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<main className="p-3 text-sm">PlanLens</main>);
